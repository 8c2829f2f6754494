import { AlertsService } from '@soc/alerts';
import { agenciesScope } from '@soc/shared';
import { LiveFeedClient } from '../support/live-feed-client';
import { failedSshLines } from '../support/ssh-lines';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

interface Alert {
  id: string;
  agencyId: string | null;
  sourceIp: string;
  entities: { userNames: string[] };
}

/** Agency A's IT staff never see agency B: not in lists, not by id, not on the live feed. */
describe('agency scoping and log-source keys (real PostgreSQL)', () => {
  let db: TestDatabase;
  let soc: TestApp;
  let admin: string;
  let itA: string;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    soc = await startTestApp(db.url);
    admin = await soc.adminToken();
    for (const [id, name] of [['so-a', 'Sở A'], ['so-b', 'Sở B']]) {
      expect((await soc.call('/api/v1/agencies', { method: 'POST', token: admin, body: { id, name } })).status).toBe(201);
    }
    for (const [id, agencyId] of [['src-a', 'so-a'], ['src-b', 'so-b']] as const) {
      const res = await soc.call('/api/v1/sources', { method: 'POST', token: admin, body: { id, name: `Firewall ${agencyId}`, agencyId } });
      expect(res.status).toBe(201);
      keys[id] = ((await res.json()) as { apiKey: string }).apiKey;
    }
    const created = await soc.call('/api/v1/users', {
      method: 'POST',
      token: admin,
      body: { username: 'it.a', displayName: 'Cán bộ CNTT Sở A', password: 'Ruộng-bậc-thang-Mù-Cang-Chải', roles: ['agency_it'], agencyIds: ['so-a'] },
    });
    expect(created.status).toBe(201);
    itA = await soc.login('it.a', 'Ruộng-bậc-thang-Mù-Cang-Chải');
  });
  afterAll(async () => {
    await soc?.close();
    await db?.drop();
  });

  const list = async (token: string) => ((await (await soc.call('/api/v1/alerts?limit=500', { token })).json()) as { items: Alert[] }).items;

  it('attributes alerts to the agency of the reporting source, and shows each agency only its own', async () => {
    const adminFeed = await LiveFeedClient.connect(soc.wsUrl, admin);
    const itFeed = await LiveFeedClient.connect(soc.wsUrl, itA);
    expect((await soc.ingest(failedSshLines('203.0.113.1', 5), keys['src-a'])).status).toBe(202);
    expect((await soc.ingest(failedSshLines('203.0.113.2', 5), keys['src-b'])).status).toBe(202);
    expect((await soc.ingest(failedSshLines('203.0.113.3', 5))).status).toBe(202); // bootstrap source: no agency

    const all = await list(admin);
    const byIp = (ip: string) => all.find((a) => a.sourceIp === ip)!;
    expect([byIp('203.0.113.1').agencyId, byIp('203.0.113.2').agencyId, byIp('203.0.113.3').agencyId]).toEqual(['so-a', 'so-b', null]);
    expect((await list(itA)).map((a) => a.sourceIp)).toEqual(['203.0.113.1']);

    const alertB = byIp('203.0.113.2');
    const alertA = byIp('203.0.113.1');
    expect((await soc.call(`/api/v1/alerts/${alertA.id}`, { token: itA })).status).toBe(200);
    const hidden = await soc.call(`/api/v1/alerts/${alertB.id}`, { token: itA });
    const missing = await soc.call('/api/v1/alerts/00000000-0000-4000-8000-000000000000', { token: itA });
    expect([hidden.status, missing.status]).toEqual([404, 404]);
    expect(await hidden.json()).toEqual(await missing.json());
    // Agency IT staff cannot triage at all: the same 403 whether the alert is theirs or not, so nothing leaks.
    for (const id of [alertA.id, alertB.id]) {
      expect((await soc.call(`/api/v1/alerts/${id}`, { method: 'PATCH', token: itA, body: { status: 'closed' } })).status).toBe(403);
    }

    // The live feed: the admin sees all three; agency A's officer only A's.
    await adminFeed.waitFor((m) => m.type === 'alert.created' && m.data.sourceIp === '203.0.113.3');
    await itFeed.waitFor((m) => m.type === 'alert.created' && m.data.sourceIp === '203.0.113.1');
    await soc.call(`/api/v1/alerts/${alertB.id}`, { method: 'PATCH', token: admin, body: { status: 'acknowledged' } });
    await adminFeed.waitFor((m) => m.type === 'alert.updated' && m.data.id === alertB.id);
    expect(itFeed.messages.filter((m) => m.type !== 'hello').map((m) => m.data.sourceIp)).toEqual(['203.0.113.1']);
    adminFeed.close();
    itFeed.close();
  });

  it('scopes updates in the repository: a caller scoped to agency A cannot change agency B\'s alert', async () => {
    // No scoped role may triage today, so call the service as a scoped caller would reach it.
    const alerts = soc.app.get(AlertsService);
    const all = await list(admin);
    const [alertA, alertB] = ['203.0.113.1', '203.0.113.2'].map((ip) => all.find((a) => a.sourceIp === ip)!);
    const scopedToA = { kind: 'user', userId: 'u', username: 'scoped', sessionId: 's', roles: [], permissions: new Set(), scope: agenciesScope(['so-a']) } as const;
    await expect(alerts.setStatus(scopedToA as never, alertB!.id, 'closed')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(alerts.get(scopedToA as never, alertB!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await alerts.setStatus(scopedToA as never, alertA!.id, 'closed')).status).toBe('closed');
    const [row] = await db.query<{ status: string }>('SELECT status FROM alerts WHERE id = $1', [alertB!.id]);
    expect(row!.status).toBe('acknowledged');
  });

  it('scopes the source and agency registries too', async () => {
    const sources = (await (await soc.call('/api/v1/sources', { token: itA })).json()) as Array<{ id: string }>;
    expect(sources.map((s) => s.id)).toEqual(['src-a']);
    const agencies = (await (await soc.call('/api/v1/agencies', { token: itA })).json()) as Array<{ id: string }>;
    expect(agencies.map((a) => a.id)).toEqual(['so-a']);
  });

  it('refuses /ws without a valid access token, and with a source key', async () => {
    expect(await LiveFeedClient.refusal(soc.wsUrl)).toBe(401);
    expect(await LiveFeedClient.refusal(`${soc.wsUrl}?access_token=forged.token.value`)).toBe(401);
    expect(await LiveFeedClient.refusal(soc.wsUrl, { Authorization: `Bearer ${keys['src-a']!}` })).toBe(401);
    const viaQuery = await LiveFeedClient.connect(`${soc.wsUrl}?access_token=${itA}`, itA);
    viaQuery.close();
  });

  it('keeps source keys to ingest only, hashed at rest, rotatable and revocable', async () => {
    expect((await soc.call('/api/v1/alerts', { token: keys['src-a'] })).status).toBe(403);
    const [row] = await db.query<{ api_key_hash: string; api_key_prefix: string }>(`SELECT api_key_hash, api_key_prefix FROM sources WHERE id = 'src-a'`);
    expect(row!.api_key_hash).not.toContain(keys['src-a']);
    expect(row!.api_key_hash).toMatch(/^[0-9a-f]{64}$/);

    const rotated = await soc.call('/api/v1/sources/src-a/api-key', { method: 'POST', token: admin });
    const newKey = ((await rotated.json()) as { apiKey: string }).apiKey;
    expect((await soc.ingest(['Nov 30 16:40:00 h app: x'], keys['src-a'])).status).toBe(401);
    expect((await soc.ingest(['Nov 30 16:40:00 h app: x'], newKey)).status).toBe(202);
    expect((await soc.call('/api/v1/sources/src-a/api-key', { method: 'DELETE', token: admin })).status).toBe(204);
    expect((await soc.ingest(['Nov 30 16:40:00 h app: x'], newKey)).status).toBe(401);
    const actions = ((await (await soc.call('/api/v1/audit?limit=100', { token: admin })).json()) as Array<{ action: string; target: string }>)
      .filter((a) => a.target === 'source:src-a')
      .map((a) => a.action);
    expect(actions).toEqual(['sources.key_revoked', 'sources.key_rotated', 'sources.key_created']);
  });

  it('accepts a key only from its allowed addresses', async () => {
    const make = async (id: string, allowedIps: string[]) =>
      ((await (await soc.call('/api/v1/sources', { method: 'POST', token: admin, body: { id, name: id, agencyId: 'so-a', allowedIps } })).json()) as { apiKey: string }).apiKey;
    expect((await soc.ingest(['Nov 30 16:40:00 h app: x'], await make('far-away', ['10.99.0.0/16']))).status).toBe(401);
    expect((await soc.ingest(['Nov 30 16:40:00 h app: x'], await make('loopback', ['127.0.0.0/8']))).status).toBe(202);
  });

  it('keeps hostile strings in log fields inert: stored and returned verbatim as JSON data', async () => {
    const hostile = [`'; DROP TABLE alerts; --`, '<script>alert(1)</script>', '{"$gt":""}'];
    const lines = hostile.flatMap((user, i) =>
      [0, 1].map((j) => `Nov 30 17:40:0${i * 2 + j} h sshd[1]: Failed password for invalid user ${user} from 198.51.100.50 port 22 ssh2`),
    );
    expect((await soc.ingest(lines, keys['src-b'])).status).toBe(202);
    const alert = (await list(admin)).find((a) => a.sourceIp === '198.51.100.50')!;
    expect(alert.entities.userNames).toEqual(hostile);
    const res = await soc.call(`/api/v1/alerts/${alert.id}`, { token: admin });
    // Served as JSON data that browsers must not sniff as HTML, under a script-blocking CSP.
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(((await res.json()) as Alert).entities.userNames).toEqual(hostile);
    expect(Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM alerts'))[0]!.n)).toBeGreaterThan(0);
  });
});
