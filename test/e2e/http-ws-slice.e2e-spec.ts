import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestApp, TestApp } from '../support/test-app';
import { LiveFeedClient } from '../support/live-feed-client';
import { failedSshLines } from '../support/ssh-lines';

/** The thin slice on the embedded default's transport (in-process bus), over real HTTP, WebSocket and PostgreSQL. */
describe('HTTP ingest → alert → REST and /ws (in-process bus)', () => {
  let db: TestDatabase;
  let soc: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    soc = await startTestApp(db.url);
  });
  afterAll(async () => {
    await soc?.close();
    await db?.drop();
  });

  const ingest = (body: string, headers: Record<string, string> = { 'Content-Type': 'text/plain', 'X-Source-Id': 'web01' }) =>
    fetch(`${soc.baseUrl}/api/v1/ingest`, { method: 'POST', headers, body });

  it('reports health ok with database and transport status', async () => {
    const res = await fetch(`${soc.baseUrl}/api/v1/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: { status: 'ok' }, transport: { kind: 'in-process', status: 'ok' } });
  });

  it('turns six failed SSH logins into one alert, stored and pushed live to every client', async () => {
    const [first, second] = [await LiveFeedClient.connect(soc.wsUrl), await LiveFeedClient.connect(soc.wsUrl)];
    const res = await ingest(failedSshLines('203.0.113.5', 6).join('\n'));
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 6 });

    // 202 means committed: the alert is already queryable.
    const page = (await (await fetch(`${soc.baseUrl}/api/v1/alerts`)).json()) as { items: Array<Record<string, unknown>> };
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ ruleId: 'soc.ssh.brute_force', sourceIp: '203.0.113.5', eventCount: 6, status: 'new' });

    for (const client of [first, second]) {
      const pushed = await client.waitFor((m) => m.type === 'alert.created');
      expect(pushed.seq).toBeGreaterThan(0);
      expect(pushed.data).toMatchObject({ id: page.items[0]!.id, eventCount: 6, sourceIp: '203.0.113.5' });
      client.close();
    }
    const stored = await db.query<{ n: string }>(`SELECT count(*) AS n FROM security_events WHERE source_id = 'web01'`);
    expect(Number(stored[0]!.n)).toBe(6);
  });

  it('numbers live messages with strictly increasing seq', async () => {
    const client = await LiveFeedClient.connect(soc.wsUrl);
    await ingest(failedSshLines('198.51.100.7', 5).join('\n'));
    await ingest(failedSshLines('198.51.100.8', 5).join('\n'));
    await client.waitFor((m) => m.type === 'alert.created' && (m.data as { sourceIp?: string }).sourceIp === '198.51.100.8');
    const seqs = client.messages.filter((m) => m.seq !== undefined).map((m) => m.seq!);
    expect(seqs.length).toBeGreaterThanOrEqual(2);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(seqs.length);
    client.close();
  });

  it('does not alert on four mistyped passwords', async () => {
    const before = (await db.query<{ n: string }>('SELECT count(*) AS n FROM alerts'))[0]!.n;
    expect((await ingest(failedSshLines('192.0.2.44', 4).join('\n'))).status).toBe(202);
    expect((await db.query<{ n: string }>('SELECT count(*) AS n FROM alerts'))[0]!.n).toBe(before);
  });

  it('dead-letters an unparseable line with its reason and raw bytes, and keeps going', async () => {
    const res = await ingest('this is not syslog\nNov 30 16:41:00 web01 CRON[1]: (root) CMD (true)', {
      'Content-Type': 'text/plain',
      'X-Source-Id': 'dl-source',
    });
    expect(res.status).toBe(202);
    const letters = await db.query<{ reason: string; raw: Buffer }>(`SELECT reason, raw FROM dead_letters WHERE source_id = 'dl-source'`);
    expect(letters).toEqual([{ reason: 'unrecognized format: not a syslog line', raw: Buffer.from('this is not syslog') }]);
    const metrics = await (await fetch(`${soc.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/soc_events_dead_lettered_total\{source_id="dl-source"\} 1/);
  });

  it('answers bad ingest requests with a 4xx that says why', async () => {
    const noSource = await ingest('x', { 'Content-Type': 'text/plain' });
    expect(noSource.status).toBe(400);
    expect(await noSource.json()).toMatchObject({ error: 'VALIDATION_FAILED' });

    const json = await ingest('{"a":1}', { 'Content-Type': 'application/json', 'X-Source-Id': 'web01' });
    expect(json.status).toBe(415);

    const tooBig = await ingest('x'.repeat(6 * 1024 * 1024), { 'Content-Type': 'text/plain', 'X-Source-Id': 'web01' });
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ error: 'PAYLOAD_TOO_LARGE' });

    const badLimit = await fetch(`${soc.baseUrl}/api/v1/alerts?limit=0`);
    expect(badLimit.status).toBe(400);
    const badCursor = await fetch(`${soc.baseUrl}/api/v1/alerts?cursor=bm9wZQ`);
    expect(badCursor.status).toBe(400);
    const unknownParam = await fetch(`${soc.baseUrl}/api/v1/alerts?sort=evil`);
    expect(unknownParam.status).toBe(400);
  });

  it('pages alerts with a cursor, newest first, without overlap', async () => {
    const all = (await (await fetch(`${soc.baseUrl}/api/v1/alerts?limit=500`)).json()) as { items: Array<{ id: string }> };
    expect(all.items.length).toBeGreaterThanOrEqual(3);
    const first = (await (await fetch(`${soc.baseUrl}/api/v1/alerts?limit=2`)).json()) as { items: Array<{ id: string }>; nextCursor: string };
    const second = (await (await fetch(`${soc.baseUrl}/api/v1/alerts?limit=2&cursor=${first.nextCursor}`)).json()) as { items: Array<{ id: string }> };
    expect([...first.items, ...second.items].map((a) => a.id)).toEqual(all.items.slice(0, first.items.length + second.items.length).map((a) => a.id));
  });

  it('serves metrics in Prometheus text format', async () => {
    const res = await fetch(`${soc.baseUrl}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    for (const name of ['soc_events_received_total', 'soc_events_parsed_total', 'soc_events_dead_lettered_total', 'soc_alerts_created_total', 'soc_consumer_lag', 'soc_ws_clients']) {
      expect(text).toContain(`# TYPE ${name}`);
    }
    expect(text).toMatch(/soc_alerts_created_total\{rule_id="soc.ssh.brute_force"\} [1-9]/);
  });

  it('serves the OpenAPI description and its browsable UI', async () => {
    const doc = (await (await fetch(`${soc.baseUrl}/api/docs-json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/alerts', '/api/v1/ingest', '/api/v1/health']));
    const ui = await fetch(`${soc.baseUrl}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });
});
