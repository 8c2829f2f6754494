import { SourceHealthMonitor } from '@soc/ingest';
import { LiveFeedClient } from '../support/live-feed-client';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** A log source that stops reporting is a finding: raised through the alert path, cleared on resumption. */
describe('source health: silent sources (real PostgreSQL, injected clock)', () => {
  let db: TestDatabase;
  let soc: TestApp;
  let admin: string;
  let key: string;
  let nowMs = Date.now();
  const clock = { now: () => new Date(nowMs) };

  beforeAll(async () => {
    db = await createTestDatabase();
    soc = await startTestApp(db.url, {}, clock);
    admin = await soc.adminToken();
    await soc.call('/api/v1/agencies', { method: 'POST', token: admin, body: { id: 'so-q', name: 'Sở Q' } });
    const res = await soc.call('/api/v1/sources', { method: 'POST', token: admin, body: { id: 'quiet-fw', name: 'FW', agencyId: 'so-q', expectedIntervalSeconds: 300 } });
    key = ((await res.json()) as { apiKey: string }).apiKey;
  });
  afterAll(async () => {
    await soc?.close();
    await db?.drop();
  });

  const silentAlerts = () =>
    db.query<{ status: string; agency_id: string; explanation: string }>(
      `SELECT status, agency_id, details->>'explanation' AS explanation FROM alerts WHERE rule_id = 'soc.source.silent' ORDER BY created_at`,
    );

  it('raises one alert when the source falls silent, and closes it when it reports again', async () => {
    const monitor = soc.app.get(SourceHealthMonitor);
    const feed = await LiveFeedClient.connect(soc.wsUrl, admin);
    expect((await soc.ingest(['Nov 30 16:40:00 fw app: alive'], key)).status).toBe(202);
    await monitor.check();
    expect(await silentAlerts()).toEqual([]);

    nowMs += 10 * 60_000; // ten minutes without a record, twice the expected interval
    await monitor.check();
    await monitor.check();
    const raised = await silentAlerts();
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ status: 'new', agency_id: 'so-q', explanation: expect.stringContaining('quiet-fw') });
    await feed.waitFor((m) => m.type === 'source.silent' && m.data.sourceId === 'quiet-fw');

    expect((await soc.ingest(['Nov 30 16:50:00 fw app: back'], key)).status).toBe(202);
    await monitor.check();
    expect((await silentAlerts()).map((a) => a.status)).toEqual(['closed']);
    await feed.waitFor((m) => m.type === 'source.resumed' && m.data.sourceId === 'quiet-fw');
    await feed.waitFor((m) => m.type === 'alert.updated' && m.data.status === 'closed');
    feed.close();
  });

  it('leaves sources without an expected interval alone', async () => {
    nowMs += 24 * 3600_000;
    await soc.app.get(SourceHealthMonitor).check();
    const silent = await db.query<{ id: string }>('SELECT id FROM sources WHERE silent_since IS NOT NULL');
    expect(silent.map((s) => s.id)).toEqual(['quiet-fw']);
  });
});
