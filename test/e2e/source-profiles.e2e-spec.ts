import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** The registry's knowledge of a source steers how its records are read. */
describe('source profiles: clock zone and format hint (real PostgreSQL)', () => {
  let db: TestDatabase;
  let soc: TestApp;
  let admin: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    soc = await startTestApp(db.url);
    admin = await soc.adminToken();
  });
  afterAll(async () => {
    await soc?.close();
    await db?.drop();
  });

  const createSource = (body: Record<string, unknown>) => soc.call('/api/v1/sources', { method: 'POST', token: admin, body });
  const keyOf = async (res: Response) => ((await res.json()) as { apiKey: string; source: Record<string, unknown> });

  it("reads year- and zone-less syslog stamps in the source's own zone", async () => {
    const created = await keyOf(await createSource({ id: 'utc-box', name: 'Máy chủ đặt giờ UTC', timeZone: 'UTC', expectedIntervalSeconds: 300 }));
    expect(created.source).toMatchObject({ timeZone: 'UTC', expectedIntervalSeconds: 300, formatHint: null });
    await soc.ingest(['Nov 30 16:40:00 utc-box app: clock in UTC'], created.apiKey);
    await soc.ingest(['Nov 30 16:40:00 hcm-box app: clock in Vietnam']);
    const rows = await db.query<{ source_id: string; ts: Date }>(`SELECT source_id, ts FROM security_events ORDER BY source_id`);
    expect(rows.map((r) => [r.source_id, r.ts.toISOString()])).toEqual([
      ['bootstrap', '2026-11-30T09:40:00.000Z'],
      ['utc-box', '2026-11-30T16:40:00.000Z'],
    ]);
  });

  it('parses a pinned format where detection alone would only know it is some access log', async () => {
    const created = await keyOf(await createSource({ id: 'nginx-1', name: 'nginx', formatHint: 'nginx' }));
    const line = 'Nov 30 16:40:00 web proxy: 203.0.113.9 - - [30/Nov/2026:16:40:00 +0700] "GET /admin HTTP/1.1" 404 12 "-" "curl/8"';
    expect((await soc.ingest([line], created.apiKey)).status).toBe(202);
    expect((await soc.ingest([line])).status).toBe(202);
    const rows = await db.query<{ source_id: string; dataset: string; source_ip: string }>(
      `SELECT source_id, dataset, host(source_ip) AS source_ip FROM security_events WHERE source_ip = '203.0.113.9' ORDER BY source_id`,
    );
    expect(rows).toEqual([
      { source_id: 'bootstrap', dataset: 'web.access', source_ip: '203.0.113.9' },
      { source_id: 'nginx-1', dataset: 'nginx.access', source_ip: '203.0.113.9' },
    ]);
  });

  it('rejects unknown formats and zones', async () => {
    expect((await createSource({ id: 'bad-1', name: 'x', formatHint: 'mystery' })).status).toBe(400);
    expect((await createSource({ id: 'bad-2', name: 'x', timeZone: 'Mars/Olympus' })).status).toBe(400);
    expect((await createSource({ id: 'bad-3', name: 'x', expectedIntervalSeconds: 5 })).status).toBe(400);
  });
});
