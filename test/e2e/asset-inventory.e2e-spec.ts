import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

interface EventItem {
  sourceId: string;
  agencyId: string | null;
  systemId: string | null;
  securityLevel: number | null;
  hostName: string | null;
  event: { soc: { flags?: string[] } };
}

const PASSWORD = 'Hồ-Dầu-Tiếng-mùa-nước-nổi';
const sshd = (host: string, ip = '203.0.113.50') => `Nov 30 16:40:00 ${host} sshd[7]: Failed password for root from ${ip} port 4000 ssh2`;

/** Information systems and their assets: the registry, its access rules, and what ingest makes of it. */
describe('asset inventory and event enrichment (real PostgreSQL)', () => {
  let db: TestDatabase;
  let soc: TestApp;
  let admin: string;
  let itA: string;
  let keyA: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    soc = await startTestApp(db.url);
    admin = await soc.adminToken();
    for (const [id, name] of [['so-a', 'Sở A'], ['so-b', 'Sở B']]) {
      expect((await soc.call('/api/v1/agencies', { method: 'POST', token: admin, body: { id, name } })).status).toBe(201);
    }
    const source = await soc.call('/api/v1/sources', { method: 'POST', token: admin, body: { id: 'fw-a', name: 'Firewall Sở A', agencyId: 'so-a' } });
    keyA = ((await source.json()) as { apiKey: string }).apiKey;
    const user = { username: 'it.a', displayName: 'Cán bộ CNTT Sở A', password: PASSWORD, roles: ['agency_it'], agencyIds: ['so-a'] };
    expect((await soc.call('/api/v1/users', { method: 'POST', token: admin, body: user })).status).toBe(201);
    itA = await soc.login('it.a', PASSWORD);
  });
  afterAll(async () => {
    await soc?.close();
    await db?.drop();
  });

  const post = (path: string, body: unknown, token = admin) => soc.call(path, { method: 'POST', token, body });
  const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
  const events = async (query: string, token = admin) => (await json<{ items: EventItem[] }>(await soc.call(`/api/v1/events?${query}`, { token }))).items;

  it('registers systems and their assets in canonical form, refusing bad and doubly-owned values', async () => {
    expect((await post('/api/v1/systems', { id: 'dvc', agencyId: 'so-a', name: 'Cổng dịch vụ công', securityLevel: 3 })).status).toBe(201);
    expect((await post('/api/v1/systems', { id: 'his', agencyId: 'so-b', name: 'Phần mềm bệnh viện' })).status).toBe(201);
    expect((await post('/api/v1/systems', { id: 'dvc', agencyId: 'so-a', name: 'again' })).status).toBe(409);
    expect((await post('/api/v1/systems', { id: 'x', agencyId: 'no-such', name: 'x' })).status).toBe(400);
    expect((await post('/api/v1/systems', { id: 'y', agencyId: 'so-a', name: 'y', securityLevel: 6 })).status).toBe(400);

    const added = await post('/api/v1/systems/dvc/assets', { value: '10.1.2.77/16' });
    expect(added.status).toBe(201);
    expect(await json(added)).toMatchObject({ systemId: 'dvc', kind: 'network', value: '10.1.0.0/16' });
    expect(await json(await post('/api/v1/systems/dvc/assets', { value: 'https://DichVuCong.example.gov.vn/' }))).toMatchObject({ kind: 'hostname', value: 'dichvucong.example.gov.vn' });
    expect((await post('/api/v1/systems/his/assets', { value: 'his-web01' })).status).toBe(201);

    const taken = await post('/api/v1/systems/his/assets', { value: '10.1.0.0/16' });
    expect(taken.status).toBe(409);
    expect(await json(taken)).toMatchObject({ message: expect.stringContaining('dvc') });
    expect((await post('/api/v1/systems/his/assets', { value: "web'; DROP TABLE assets;--" })).status).toBe(400);
    expect((await post('/api/v1/systems/nope/assets', { value: '10.9.9.9' })).status).toBe(404);
  });

  it('enriches events with the system and its security level, and flags unknown assets', async () => {
    expect((await soc.ingest([sshd('10.1.4.4'), sshd('his-web01'), sshd('unknown-host')], keyA)).status).toBe(202);
    const byHost = new Map((await events('sourceId=fw-a')).map((e) => [e.hostName, e]));
    expect(byHost.get('10.1.4.4')).toMatchObject({ agencyId: 'so-a', systemId: 'dvc', securityLevel: 3 });
    // Sở A's firewall cannot speak for Sở B's system.
    expect(byHost.get('his-web01')).toMatchObject({ agencyId: 'so-a', systemId: null, securityLevel: null, event: { soc: { flags: ['unknown_asset'] } } });
    expect(byHost.get('unknown-host')).toMatchObject({ systemId: null, event: { soc: { flags: ['unknown_asset'] } } });
  });

  it("attributes a province-wide source's events to the agency of the system they concern", async () => {
    expect((await soc.ingest([sshd('his-web01', '203.0.113.51')])).status).toBe(202); // bootstrap source: registered, no agency
    const [event] = await events('systemId=his');
    expect(event).toMatchObject({ sourceId: 'bootstrap', agencyId: 'so-b', systemId: 'his', securityLevel: null });
    expect(event!.event.soc.flags).toBeUndefined();
  });

  it('uses a new approved level from the next batch on, and keeps what earlier events were stamped with', async () => {
    const patched = await soc.call('/api/v1/systems/dvc', { method: 'PATCH', token: admin, body: { securityLevel: 4 } });
    expect(await json(patched)).toMatchObject({ id: 'dvc', securityLevel: 4 });
    await soc.ingest([sshd('10.1.4.5')], keyA);
    expect((await events('systemId=dvc')).map((e) => [e.hostName, e.securityLevel]).sort()).toEqual([
      ['10.1.4.4', 3],
      ['10.1.4.5', 4],
    ]);
    expect((await events('systemId=dvc&securityLevel=3')).map((e) => e.hostName)).toEqual(['10.1.4.4']);
  });

  it('names the attacked system in the alert and ranks it by the system’s security level', async () => {
    const lines = [0, 1, 2, 3, 4].map((i) => `Nov 30 16:41:0${i} 10.1.4.${i} sshd[9]: Failed password for root from 198.51.100.23 port 4${i} ssh2`);
    expect((await soc.ingest(lines, keyA)).status).toBe(202);
    const alerts = await json<{ items: Array<{ sourceIp: string; securityLevel: number | null; entities: { systemIds: string[] } }> }>(await soc.call('/api/v1/alerts', { token: itA }));
    expect(alerts.items.find((a) => a.sourceIp === '198.51.100.23')).toMatchObject({ securityLevel: 4, entities: { systemIds: ['dvc'], securityLevel: 4 } });
  });

  it("shows agency IT staff only their agency's systems and assets", async () => {
    expect((await json<Array<{ id: string }>>(await soc.call('/api/v1/systems', { token: itA }))).map((s) => s.id)).toEqual(['dvc']);
    expect((await soc.call('/api/v1/systems/his', { token: itA })).status).toBe(404);
    expect((await soc.call('/api/v1/systems/his/assets', { token: itA })).status).toBe(404);
    expect((await json<Array<{ value: string }>>(await soc.call('/api/v1/systems/dvc/assets', { token: itA }))).map((a) => a.value).sort()).toEqual(['10.1.0.0/16', 'dichvucong.example.gov.vn']);
    expect((await post('/api/v1/systems/dvc/assets', { value: '10.50.0.0/16' }, itA)).status).toBe(403);
  });

  it('removes assets, and audits every change to the inventory', async () => {
    const [asset] = await json<Array<{ id: string; value: string }>>(await soc.call('/api/v1/systems/his/assets', { token: admin }));
    expect((await soc.call(`/api/v1/systems/his/assets/${asset!.id}`, { method: 'DELETE', token: admin })).status).toBe(204);
    expect((await soc.call(`/api/v1/systems/his/assets/${asset!.id}`, { method: 'DELETE', token: admin })).status).toBe(404);
    expect((await soc.call('/api/v1/systems/dvc/assets/not-a-number', { method: 'DELETE', token: admin })).status).toBe(400);
    const audit = await db.query<{ action: string; target: string }>("SELECT action, target FROM audit_log WHERE action LIKE 'systems.%' OR action LIKE 'assets.%' ORDER BY seq");
    expect(audit.map((a) => `${a.action} ${a.target}`)).toEqual([
      'systems.create system:dvc',
      'systems.create system:his',
      'assets.add system:dvc',
      'assets.add system:dvc',
      'assets.add system:his',
      'systems.update system:dvc',
      'assets.remove system:his',
    ]);
  });
});
