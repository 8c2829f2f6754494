import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestApp, TEST_INGEST_KEY, TestApp } from '../support/test-app';
import { LiveFeedClient } from '../support/live-feed-client';
import { failedSshLines } from '../support/ssh-lines';

/** The thin slice on the embedded default's transport (in-process bus), over real HTTP, WebSocket and PostgreSQL. */
describe('HTTP ingest → alert → REST and /ws (in-process bus)', () => {
  let db: TestDatabase;
  let soc: TestApp;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    soc = await startTestApp(db.url);
    token = await soc.adminToken();
  });
  afterAll(async () => {
    await soc?.close();
    await db?.drop();
  });

  const alerts = async (query = '') => (await (await soc.call(`/api/v1/alerts${query}`, { token })).json()) as { items: Array<Record<string, unknown>>; nextCursor: string | null };

  it('reports health ok with database and transport status, without credentials', async () => {
    const res = await soc.call('/api/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: { status: 'ok' }, transport: { kind: 'in-process', status: 'ok' } });
  });

  it('turns six failed SSH logins into one alert, stored and pushed live to every client', async () => {
    const [first, second] = [await LiveFeedClient.connect(soc.wsUrl, token), await LiveFeedClient.connect(soc.wsUrl, token)];
    const res = await soc.ingest(failedSshLines('203.0.113.5', 6));
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 6 });

    // 202 means committed: the alert is already queryable.
    const page = await alerts();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ ruleId: 'soc.ssh.brute_force', sourceIp: '203.0.113.5', eventCount: 6, status: 'new' });

    for (const client of [first, second]) {
      const pushed = await client.waitFor((m) => m.type === 'alert.created');
      expect(pushed.seq).toBeGreaterThan(0);
      expect(pushed.data).toMatchObject({ id: page.items[0]!.id, eventCount: 6, sourceIp: '203.0.113.5' });
      client.close();
    }
    const stored = await db.query<{ n: string }>(`SELECT count(*) AS n FROM security_events WHERE source_id = 'bootstrap'`);
    expect(Number(stored[0]!.n)).toBe(6);
  });

  it('numbers live messages with strictly increasing seq', async () => {
    const client = await LiveFeedClient.connect(soc.wsUrl, token);
    await soc.ingest(failedSshLines('198.51.100.7', 5));
    await soc.ingest(failedSshLines('198.51.100.8', 5));
    await client.waitFor((m) => m.type === 'alert.created' && (m.data as { sourceIp?: string }).sourceIp === '198.51.100.8');
    const seqs = client.messages.filter((m) => m.seq !== undefined).map((m) => m.seq!);
    expect(seqs.length).toBeGreaterThanOrEqual(2);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(seqs.length);
    client.close();
  });

  it('does not alert on four mistyped passwords', async () => {
    const before = (await db.query<{ n: string }>('SELECT count(*) AS n FROM alerts'))[0]!.n;
    expect((await soc.ingest(failedSshLines('192.0.2.44', 4))).status).toBe(202);
    expect((await db.query<{ n: string }>('SELECT count(*) AS n FROM alerts'))[0]!.n).toBe(before);
  });

  it('dead-letters an unparseable line with its reason and raw bytes, and keeps going', async () => {
    const res = await soc.ingest(['this is not syslog', 'Nov 30 16:41:00 web01 CRON[1]: (root) CMD (true)']);
    expect(res.status).toBe(202);
    const letters = await db.query<{ reason: string; raw: Buffer }>(`SELECT reason, raw FROM dead_letters WHERE source_id = 'bootstrap'`);
    expect(letters).toEqual([{ reason: 'unrecognized format: not a syslog line', raw: Buffer.from('this is not syslog') }]);
    const metrics = await (await soc.call('/metrics', { token })).text();
    expect(metrics).toMatch(/soc_events_dead_lettered_total\{source_id="bootstrap"\} 1/);
  });

  it('accepts NDJSON: one JSON record per line, parsed by its format', async () => {
    const eve = JSON.stringify({ timestamp: '2026-11-30T16:40:00.000+0700', event_type: 'alert', src_ip: '198.51.100.77', src_port: 4444, dest_ip: '10.0.0.5', dest_port: 80, proto: 'TCP', alert: { signature_id: 2024833, signature: 'ET POLICY test', category: 'Policy', severity: 1, action: 'allowed' } });
    const res = await soc.call('/api/v1/ingest', { method: 'POST', token: TEST_INGEST_KEY, body: `${eve}\n`, contentType: 'application/x-ndjson' });
    expect(res.status).toBe(202);
    const [row] = await db.query<{ dataset: string; source_ip: string }>(`SELECT dataset, host(source_ip) AS source_ip FROM security_events WHERE source_ip = '198.51.100.77'`);
    expect(row).toEqual({ dataset: 'suricata.eve', source_ip: '198.51.100.77' });
  });

  it('answers bad requests with a 4xx that says why', async () => {
    const json = await soc.call('/api/v1/ingest', { method: 'POST', token: undefined, body: { a: 1 }, headers: { 'X-Api-Key': TEST_INGEST_KEY } });
    expect(json.status).toBe(415);

    const tooBig = await soc.ingest(['x'.repeat(6 * 1024 * 1024)]);
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ error: 'PAYLOAD_TOO_LARGE' });

    expect((await soc.call('/api/v1/alerts?limit=0', { token })).status).toBe(400);
    expect((await soc.call('/api/v1/alerts?cursor=bm9wZQ', { token })).status).toBe(400);
    expect((await soc.call('/api/v1/alerts?sort=evil', { token })).status).toBe(400);
    expect((await soc.call('/api/v1/alerts/not-a-uuid', { token })).status).toBe(400);
    const unknownField = await soc.call('/api/v1/auth/login', { method: 'POST', body: { username: 'admin', password: 'x', role: 'admin' } });
    expect(unknownField.status).toBe(400);
    expect(JSON.stringify(await unknownField.json())).toContain('role should not exist');
  });

  it('pages alerts with a cursor, newest first, without overlap', async () => {
    const all = await alerts('?limit=500');
    expect(all.items.length).toBeGreaterThanOrEqual(3);
    const first = await alerts('?limit=2');
    const second = await alerts(`?limit=2&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((a) => a.id)).toEqual(all.items.slice(0, first.items.length + second.items.length).map((a) => a.id));
  });

  it('acknowledges an alert, pushes the update live and records it in the audit trail', async () => {
    const client = await LiveFeedClient.connect(soc.wsUrl, token);
    const [alert] = (await alerts('?limit=1')).items;
    const res = await soc.call(`/api/v1/alerts/${String(alert!.id)}`, { method: 'PATCH', token, body: { status: 'acknowledged' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: alert!.id, status: 'acknowledged' });
    await client.waitFor((m) => m.type === 'alert.updated' && m.data.id === alert!.id && m.data.status === 'acknowledged');
    client.close();
    const audit = (await (await soc.call('/api/v1/audit?limit=5', { token })).json()) as Array<{ action: string; target: string; details: unknown }>;
    expect(audit[0]).toMatchObject({ action: 'alerts.status_changed', target: `alert:${String(alert!.id)}`, details: { from: 'new', to: 'acknowledged' } });
  });

  it('serves metrics in Prometheus text format to authorized callers', async () => {
    const res = await soc.call('/metrics', { token });
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    for (const name of ['soc_events_received_total', 'soc_events_parsed_total', 'soc_events_dead_lettered_total', 'soc_alerts_created_total', 'soc_consumer_lag', 'soc_ws_clients']) {
      expect(text).toContain(`# TYPE ${name}`);
    }
    expect(text).toMatch(/soc_alerts_created_total\{rule_id="soc.ssh.brute_force"\} [1-9]/);
  });

  it('serves the OpenAPI description and its browsable UI without credentials', async () => {
    const doc = (await (await soc.call('/api/docs-json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/alerts', '/api/v1/ingest', '/api/v1/health', '/api/v1/auth/login']));
    const ui = await soc.call('/api/docs');
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });
});
