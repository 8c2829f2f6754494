import { failedSshLines } from '../support/ssh-lines';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

interface EventPage {
  items: Array<{ id: string; timestamp: string; sourceIp: string | null; userName: string | null; hostName: string | null; agencyId: string | null; action: string | null; event: { event: { original: string } } }>;
  nextCursor: string | null;
}

describe('GET /api/v1/events: search stored events (real PostgreSQL)', () => {
  let db: TestDatabase;
  let soc: TestApp;
  let admin: string;
  let itA: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    soc = await startTestApp(db.url);
    admin = await soc.adminToken();
    await soc.call('/api/v1/agencies', { method: 'POST', token: admin, body: { id: 'so-a', name: 'Sở A' } });
    const source = await soc.call('/api/v1/sources', { method: 'POST', token: admin, body: { id: 'src-a', name: 'A', agencyId: 'so-a' } });
    const keyA = ((await source.json()) as { apiKey: string }).apiKey;
    await soc.call('/api/v1/users', {
      method: 'POST',
      token: admin,
      body: { username: 'it.a', displayName: 'IT A', password: 'Bánh-mì-Hội-An-nóng-giòn', roles: ['agency_it'], agencyIds: ['so-a'] },
    });
    itA = await soc.login('it.a', 'Bánh-mì-Hội-An-nóng-giòn');
    expect((await soc.ingest(failedSshLines('203.0.113.7', 3, 0, 'web-a'), keyA)).status).toBe(202);
    expect((await soc.ingest(['Nov 30 16:41:00 db-b sshd[9]: Accepted password for ops from 198.51.100.3 port 2222 ssh2'])).status).toBe(202);
  });
  afterAll(async () => {
    await soc?.close();
    await db?.drop();
  });

  const search = async (query: string, token = admin) => {
    const res = await soc.call(`/api/v1/events${query}`, { token });
    expect(res.status).toBe(200);
    return (await res.json()) as EventPage;
  };

  it('filters by source IP, user, host, action and outcome, newest first, with the original line', async () => {
    const byIp = await search('?sourceIp=203.0.113.7');
    expect(byIp.items).toHaveLength(3);
    expect(byIp.items.map((e) => e.timestamp)).toEqual([...byIp.items.map((e) => e.timestamp)].sort().reverse());
    expect(byIp.items[0]!.event.event.original).toContain('Failed password');
    expect((await search('?user=ops')).items.map((e) => e.sourceIp)).toEqual(['198.51.100.3']);
    expect((await search('?host=db-b&outcome=success')).items).toHaveLength(1);
    expect((await search('?action=ssh_login&outcome=failure')).items).toHaveLength(3);
  });

  it('limits by event time range', async () => {
    // 16:40:00–16:40:02 in Asia/Ho_Chi_Minh is 09:40:00–09:40:02 UTC.
    const { items } = await search('?from=2026-11-30T09:40:01Z&to=2026-11-30T09:40:59Z');
    expect(items.map((e) => e.timestamp).sort()).toEqual(['2026-11-30T09:40:01.000Z', '2026-11-30T09:40:02.000Z']);
  });

  it('pages with a cursor without overlap', async () => {
    const all = await search('?limit=500');
    const first = await search('?limit=2');
    const second = await search(`?limit=2&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual(all.items.slice(0, 4).map((e) => e.id));
  });

  it("shows agency IT staff only their agency's events", async () => {
    const { items } = await search('?limit=500', itA);
    expect(items).toHaveLength(3);
    expect(new Set(items.map((e) => e.agencyId))).toEqual(new Set(['so-a']));
  });

  it('rejects bad filters with 400', async () => {
    for (const query of ['?sourceIp=not-an-ip', '?from=yesterday', '?limit=0', '?cursor=bm9wZQ', '?outcome=maybe', '?sort=ts']) {
      expect(`${query}: ${(await soc.call(`/api/v1/events${query}`, { token: admin })).status}`).toBe(`${query}: 400`);
    }
  });
});
