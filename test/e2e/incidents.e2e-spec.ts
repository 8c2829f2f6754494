import { Client } from 'pg';
import { SlaMonitor } from '@soc/incidents';
import { LiveFeedClient } from '../support/live-feed-client';
import { failedSshLines } from '../support/ssh-lines';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

interface Incident {
  id: string;
  ref: string;
  title: string;
  agencyId: string | null;
  state: string;
  resolution: string | null;
  priority: string;
  securityLevel: number | null;
  systemIds: string[];
  serious: boolean;
  seriousManual: boolean;
  seriousReason: string | null;
  assigneeId: string | null;
  mergedInto: string | null;
  alertCount: number;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  sla: { acknowledgeBy: string; resolveBy: string; acknowledgeBreachedAt: string | null; resolveBreachedAt: string | null };
}
interface Detail extends Incident {
  alerts: Array<{ id: string; ruleId: string; priority: string; incidentId: string; sourceIp?: string }>;
  observables: Array<{ type: string; value: string; sightings: number }>;
  timeline: Array<{ kind: string; actor: string; details: Record<string, unknown> }>;
  tasks: Array<{ id: string; title: string; status: string }>;
  allowedTransitions: string[];
}

const PASSWORD = 'Sông-Hương-núi-Ngự-2026';
const START = Date.parse('2026-11-30T10:00:00Z');

/** Alerts → incidents, priority by security level, the workflow, SLAs and the audit trail, over HTTP and /ws. */
describe('incidents (real PostgreSQL, HTTP ingest)', () => {
  let nowMs = START;
  const clock = { now: () => new Date(nowMs) };
  let db: TestDatabase;
  let soc: TestApp;
  let admin: string;
  let analyst: string;
  let analystId: string;
  let itA: string;
  let itB: string;
  let feed: LiveFeedClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    // Tokens outlive the clock jumps below (SLA deadlines are hours apart).
    soc = await startTestApp(db.url, { SOC_ACCESS_TOKEN_TTL_SECONDS: '86400' }, clock);
    admin = await soc.adminToken();
    for (const [id, name] of [['so-a', 'Sở Y tế'], ['so-b', 'UBND huyện B']]) await post('/api/v1/agencies', { id, name });
    await post('/api/v1/systems', { id: 'his', agencyId: 'so-a', name: 'Phần mềm bệnh viện', securityLevel: 4 });
    await post('/api/v1/systems/his/assets', { value: 'his-web01' });
    await post('/api/v1/systems', { id: 'mail', agencyId: 'so-a', name: 'Thư điện tử', securityLevel: 3 });
    await post('/api/v1/systems/mail/assets', { value: 'mail01' });
    await post('/api/v1/systems', { id: 'dvc', agencyId: 'so-a', name: 'Cổng dịch vụ công', securityLevel: 4 });
    await post('/api/v1/systems/dvc/assets', { value: 'dvc-web01' });
    await post('/api/v1/systems', { id: 'web-xa', agencyId: 'so-b', name: 'Cổng thông tin xã', securityLevel: 1 });
    await post('/api/v1/systems/web-xa/assets', { value: 'xa-web01' });
    const users = [
      { username: 'analyst', roles: ['soc_analyst'], agencyIds: [] },
      { username: 'it.a', roles: ['agency_it'], agencyIds: ['so-a'] },
      { username: 'it.b', roles: ['agency_it'], agencyIds: ['so-b'] },
    ];
    for (const user of users) await post('/api/v1/users', { ...user, displayName: user.username, password: PASSWORD });
    analyst = await soc.login('analyst', PASSWORD);
    analystId = ((await (await soc.call('/api/v1/users', { token: admin })).json()) as Array<{ id: string; username: string }>).find((u) => u.username === 'analyst')!.id;
    itA = await soc.login('it.a', PASSWORD);
    itB = await soc.login('it.b', PASSWORD);
    feed = await LiveFeedClient.connect(soc.wsUrl, admin);
  });
  afterAll(async () => {
    feed?.close();
    await soc?.close();
    await db?.drop();
  });

  async function post(path: string, body: unknown, token = admin, expected?: number): Promise<Response> {
    const res = await soc.call(path, { method: 'POST', token, body });
    if (expected !== undefined) expect(res.status).toBe(expected);
    else if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res;
  }
  const get = async <T>(path: string, token = admin): Promise<T> => {
    const res = await soc.call(path, { token });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const list = (query = '', token = admin) => get<{ items: Incident[]; nextCursor: string | null }>(`/api/v1/incidents${query}`, token);
  const detail = (id: string, token = admin) => get<Detail>(`/api/v1/incidents/${id}`, token);
  const byAttacker = async (ip: string) => (await list(`?q=${ip}`)).items;

  /** A brute-force storm: several bursts from one address, each its own batch, as a live stream arrives. */
  async function storm(ip: string, host: string): Promise<void> {
    for (let burst = 0; burst < 4; burst++) expect((await soc.ingest(failedSshLines(ip, 8, undefined, host))).status).toBe(202);
  }

  it('groups a brute-force stream against a level-4 system into one P1 incident, pushed live', async () => {
    await storm('203.0.113.10', 'his-web01');
    const incidents = await byAttacker('203.0.113.10');
    expect(incidents).toHaveLength(1);
    const incident = incidents[0]!;
    expect(incident).toMatchObject({ agencyId: 'so-a', state: 'new', priority: 'P1', securityLevel: 4, systemIds: ['his'], serious: false });
    expect(incident.ref).toMatch(/^SC-\d{6}$/);
    const full = await detail(incident.id);
    // Every alert of the stream is in it (the pinned test ruleset alerts on the brute-force correlation).
    expect(new Set(full.alerts.map((a) => a.ruleId))).toEqual(new Set(['soc.ssh.brute_force']));
    expect(full.alerts.length).toBe(incident.alertCount);
    expect(full.alerts.every((a) => a.incidentId === incident.id)).toBe(true);
    expect(full.observables).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'ip', value: '203.0.113.10' }), expect.objectContaining({ type: 'user', value: 'admin' })]));
    expect(full.observables.find((o) => o.value === '203.0.113.10')!.sightings).toBe(incident.alertCount);
    expect(full.timeline[0]).toMatchObject({ kind: 'created', actor: 'system:detection' });
    // P1: acknowledge within 15 minutes of opening.
    expect(Date.parse(incident.sla.acknowledgeBy) - START).toBe(15 * 60_000);
    const pushed = await feed.waitFor((m) => m.type === 'incident.created' && m.data.id === incident.id);
    expect(pushed.data).toMatchObject({ priority: 'P1', agencyId: 'so-a' });
    const alertPush = await feed.waitFor((m) => m.type.startsWith('alert.') && m.data.incidentId === incident.id);
    expect(alertPush.data.priority).toEqual(expect.stringMatching(/^P[1-4]$/));
  });

  it('ranks the same stream against a level-1 system lower', async () => {
    await storm('198.51.100.20', 'xa-web01');
    const incidents = await byAttacker('198.51.100.20');
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ agencyId: 'so-b', priority: 'P3', securityLevel: 1 });
  });

  it("shows agency IT staff only their own agency's incidents", async () => {
    expect((await list('', itA)).items.map((i) => i.agencyId)).toEqual(['so-a']);
    const [theirs] = await byAttacker('198.51.100.20');
    expect((await soc.call(`/api/v1/incidents/${theirs!.id}`, { token: itA })).status).toBe(404);
    expect((await soc.call(`/api/v1/incidents/${theirs!.id}/events`, { token: itA })).status).toBe(404);
    expect((await list('?agencyId=so-b', itA)).items).toEqual([]);
    expect((await soc.call(`/api/v1/incidents/${theirs!.id}/transition`, { method: 'POST', token: itB, body: { to: 'acknowledged' } })).status).toBe(403);
  });

  it('serves the events behind an incident, paged, with the original lines', async () => {
    const [incident] = await byAttacker('203.0.113.10');
    const first = await get<{ items: Array<{ event: { event: { original: string } } }>; nextCursor: string }>(`/api/v1/incidents/${incident!.id}/events?limit=10`);
    expect(first.items).toHaveLength(10);
    expect(first.items[0]!.event.event.original).toContain('Failed password for invalid user admin from 203.0.113.10');
    const second = await get<{ items: unknown[] }>(`/api/v1/incidents/${incident!.id}/events?limit=10&cursor=${first.nextCursor}`);
    expect(second.items.length).toBeGreaterThan(0);
  });

  it('runs the workflow through a validated state machine, with a timeline and an audit record for each step', async () => {
    const [incident] = await byAttacker('203.0.113.10');
    const id = incident!.id;
    const refused = await post(`/api/v1/incidents/${id}/transition`, { to: 'contained' }, analyst, 409);
    expect(((await refused.json()) as { message: string }).message).toContain('cannot go from new to contained');
    expect((await post(`/api/v1/incidents/${id}/transition`, { to: 'bogus' }, analyst, 400)).status).toBe(400);

    nowMs = START + 5 * 60_000;
    const acknowledged = (await (await post(`/api/v1/incidents/${id}/transition`, { to: 'acknowledged' }, analyst, 200)).json()) as Incident;
    expect(acknowledged).toMatchObject({ state: 'acknowledged', acknowledgedAt: new Date(nowMs).toISOString() });
    await post(`/api/v1/incidents/${id}/assign`, { assigneeId: analystId }, analyst, 200);
    const itUser = ((await (await soc.call('/api/v1/users', { token: admin })).json()) as Array<{ id: string; username: string }>).find((u) => u.username === 'it.a')!;
    expect(((await (await post(`/api/v1/incidents/${id}/assign`, { assigneeId: itUser.id }, analyst, 400)).json()) as { message: string }).message).toContain('cannot work on incidents');
    await post(`/api/v1/incidents/${id}/comments`, { text: 'Đã chặn 203.0.113.10 trên tường lửa biên.' }, analyst, 201);
    const task = (await (await post(`/api/v1/incidents/${id}/tasks`, { title: 'Đổi mật khẩu quản trị' }, analyst, 201)).json()) as { id: string };
    expect((await soc.call(`/api/v1/incidents/${id}/tasks/${task.id}`, { method: 'PATCH', token: analyst, body: { status: 'done' } })).status).toBe(200);
    await post(`/api/v1/incidents/${id}/transition`, { to: 'investigating' }, analyst, 200);
    await post(`/api/v1/incidents/${id}/transition`, { to: 'resolved' }, analyst, 409); // no resolution
    nowMs = START + 65 * 60_000;
    await post(`/api/v1/incidents/${id}/transition`, { to: 'resolved', resolution: 'true_positive' }, analyst, 200);
    await post(`/api/v1/incidents/${id}/transition`, { to: 'investigating', reason: 'hoạt động trở lại' }, analyst, 200);
    const reopened = await detail(id);
    expect(reopened).toMatchObject({ state: 'investigating', resolution: null, resolvedAt: null, assigneeId: analystId });
    expect(reopened.tasks).toEqual([expect.objectContaining({ title: 'Đổi mật khẩu quản trị', status: 'done' })]);
    expect(reopened.timeline.map((t) => t.kind)).toEqual(
      expect.arrayContaining(['created', 'alert_added', 'transition', 'assigned', 'comment', 'task_added', 'task_updated']),
    );
    expect(reopened.timeline.filter((t) => t.actor === 'user:analyst').map((t) => t.kind)).toEqual([
      'transition',
      'assigned',
      'comment',
      'task_added',
      'task_updated',
      'transition',
      'transition',
      'transition',
    ]);
    const audit = await db.query<{ action: string; actor: string }>(`SELECT action, actor FROM audit_log WHERE target = $1 ORDER BY seq`, [`incident:${id}`]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['incidents.created', 'incidents.transitioned', 'incidents.assigned', 'incidents.commented', 'incidents.task_added']));
    expect(audit.filter((a) => a.actor === 'user:analyst')).toHaveLength(8);
    await feed.waitFor((m) => m.type === 'incident.updated' && m.data.id === id && m.data.state === 'investigating');
  });

  it('flags a serious incident from its effects on a level-4 system, and lets a person override it with a reason', async () => {
    const [incident] = await byAttacker('203.0.113.10');
    const id = incident!.id;
    const withEffect = (await (await soc.call(`/api/v1/incidents/${id}`, { method: 'PATCH', token: analyst, body: { effects: ['service_outage'] } })).json()) as Incident;
    expect(withEffect).toMatchObject({ serious: true, seriousManual: false });
    expect(withEffect.seriousReason).toContain('cấp độ 4');
    // A serious incident calls for re-determining the level of the system it hit, once.
    const reviews = await get<Array<{ trigger: string; status: string; reason: string }>>('/api/v1/systems/his/reviews');
    expect(reviews.filter((r) => r.trigger === 'serious_incident')).toEqual([expect.objectContaining({ status: 'open', reason: expect.stringContaining(withEffect.ref) })]);
    const [low] = await byAttacker('198.51.100.20');
    const lowEffect = (await (await soc.call(`/api/v1/incidents/${low!.id}`, { method: 'PATCH', token: analyst, body: { effects: ['service_outage'] } })).json()) as Incident;
    expect(lowEffect.serious).toBe(false); // a level-1 system is not important enough
    const manual = (await (await post(`/api/v1/incidents/${low!.id}/serious`, { serious: true, reason: 'Ảnh hưởng dây chuyền tới hệ thống tỉnh' }, analyst, 200)).json()) as Incident;
    expect(manual).toMatchObject({ serious: true, seriousManual: true, seriousReason: 'Ảnh hưởng dây chuyền tới hệ thống tỉnh' });
    await post(`/api/v1/incidents/${low!.id}/serious`, { serious: null, reason: 'trả về mức tính toán' }, analyst, 200);
    expect((await detail(low!.id)).serious).toBe(false);
    await post(`/api/v1/incidents/${low!.id}/serious`, { serious: true }, analyst, 400); // a reason is required
  });

  it('joins a new attacker on the same system and technique to the open incident', async () => {
    const [before] = await byAttacker('203.0.113.10');
    await storm('203.0.113.66', 'his-web01');
    const [after] = await byAttacker('203.0.113.66');
    expect(after!.id).toBe(before!.id);
    const joined = (await detail(before!.id)).timeline.find((t) => t.kind === 'alert_added' && JSON.stringify(t.details).includes('system=his+rule_family=t1110'));
    expect(joined).toBeDefined();
  });

  it('merges incidents of one agency and splits alerts out into a new one', async () => {
    await storm('203.0.113.77', 'mail01');
    const [target] = await byAttacker('203.0.113.10');
    const [source] = await byAttacker('203.0.113.77');
    expect(source!.id).not.toBe(target!.id);
    const [otherAgency] = await byAttacker('198.51.100.20');
    await post(`/api/v1/incidents/${target!.id}/merge`, { incidentIds: [otherAgency!.id] }, analyst, 409);
    const merged = (await (await post(`/api/v1/incidents/${target!.id}/merge`, { incidentIds: [source!.id] }, analyst, 200)).json()) as Incident;
    expect(merged.alertCount).toBe(target!.alertCount + source!.alertCount);
    expect(await detail(source!.id)).toMatchObject({ state: 'closed', resolution: 'duplicate', mergedInto: target!.id });
    expect((await detail(target!.id)).observables.map((o) => o.value)).toEqual(expect.arrayContaining(['203.0.113.10', '203.0.113.77']));
    expect((await list()).items.map((i) => i.id)).not.toContain(source!.id);

    const moving = (await detail(target!.id)).alerts.filter((a) => a.sourceIp === '203.0.113.77').map((a) => a.id);
    expect(moving.length).toBeGreaterThan(0);
    const split = (await (await post(`/api/v1/incidents/${target!.id}/split`, { alertIds: moving, title: 'Dò mật khẩu (tách)' }, analyst, 201)).json()) as Incident;
    expect(split).toMatchObject({ title: 'Dò mật khẩu (tách)', state: 'new', alertCount: moving.length, agencyId: 'so-a' });
    expect((await detail(target!.id)).alerts.map((a) => a.id)).not.toEqual(expect.arrayContaining([moving[0]]));
    await post(`/api/v1/incidents/${split.id}/split`, { alertIds: moving }, analyst, 400); // would leave it empty
  });

  it('applies bulk actions with the same checks, one result per incident', async () => {
    const open = (await list('?state=new')).items.map((i) => i.id);
    expect(open.length).toBeGreaterThan(0);
    const missing = '00000000-0000-4000-8000-000000000000';
    const results = (await (await post('/api/v1/incidents/bulk', { action: 'acknowledge', ids: [...open, missing] }, analyst, 200)).json()) as Array<{ id: string; ok: boolean; code?: string }>;
    expect(results.filter((r) => r.ok).map((r) => r.id).sort()).toEqual([...open].sort());
    expect(results.find((r) => r.id === missing)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const again = (await (await post('/api/v1/incidents/bulk', { action: 'acknowledge', ids: open }, analyst, 200)).json()) as Array<{ ok: boolean; code?: string }>;
    expect(again.every((r) => !r.ok && r.code === 'CONFLICT')).toBe(true);
  });

  it('raises sla.breached once when a deadline passes (injected clock), and reports MTTA/MTTR', async () => {
    await storm('192.0.2.99', 'dvc-web01');
    const [incident] = await byAttacker('192.0.2.99');
    const monitor = soc.app.get(SlaMonitor);
    nowMs = Date.parse(incident!.sla.acknowledgeBy) - 1000;
    expect(await monitor.check()).toBe(0);
    nowMs = Date.parse(incident!.sla.acknowledgeBy) + 1000;
    // Another node holding the job's advisory lock: this one skips the tick.
    const otherNode = new Client({ connectionString: db.url });
    await otherNode.connect();
    await otherNode.query('BEGIN');
    await otherNode.query('SELECT pg_advisory_xact_lock(7201006)');
    expect(await monitor.check()).toBe(0);
    await otherNode.query('COMMIT');
    await otherNode.end();
    expect(await monitor.check()).toBeGreaterThanOrEqual(1);
    expect(await monitor.check()).toBe(0); // once per deadline
    const breached = await detail(incident!.id);
    expect(breached.sla.acknowledgeBreachedAt).toBe(new Date(nowMs).toISOString());
    expect(breached.timeline.map((t) => t.kind)).toContain('sla_breached');
    const pushed = await feed.waitFor((m) => m.type === 'sla.breached' && (m.data.incident as { id: string }).id === incident!.id);
    expect(pushed.data).toMatchObject({ sla: 'acknowledge', priority: 'P1' });

    const metrics = await get<{ overall: { incidents: number; acknowledged: number; mttaMinutes: number | null }; byPriority: Record<string, { incidents: number }>; byAgency: Record<string, { incidents: number }> }>(
      `/api/v1/incidents/metrics?from=2026-11-30T00:00:00Z&to=2026-12-31T00:00:00Z`,
    );
    expect(metrics.overall.incidents).toBeGreaterThanOrEqual(4);
    expect(metrics.overall.mttaMinutes).not.toBeNull();
    expect(metrics.byPriority.P1!.incidents + metrics.byPriority.P3!.incidents).toBeGreaterThanOrEqual(metrics.overall.incidents - metrics.byPriority.P2!.incidents - metrics.byPriority.P4!.incidents);
    expect(metrics.byAgency['so-b']!.incidents).toBe(1);
    const scoped = await get<{ byAgency: Record<string, unknown> }>(`/api/v1/incidents/metrics?from=2026-11-30T00:00:00Z&to=2026-12-31T00:00:00Z`, itB);
    expect(Object.keys(scoped.byAgency)).toEqual(['so-b']);
  });

  it('lists with filters, sorting and cursor pages without overlap', async () => {
    const page1 = await list('?limit=2&sort=priority');
    expect(page1.items).toHaveLength(2);
    const page2 = await list(`?limit=2&sort=priority&cursor=${page1.nextCursor}`);
    const all = (await list('?sort=priority&limit=200')).items;
    expect([...page1.items, ...page2.items].map((i) => i.id)).toEqual(all.slice(0, page1.items.length + page2.items.length).map((i) => i.id));
    expect(all.map((i) => i.priority)).toEqual([...all.map((i) => i.priority)].sort());
    expect((await list('?priority=P3')).items.every((i) => i.priority === 'P3')).toBe(true);
    expect((await list('?systemId=web-xa')).items.map((i) => i.systemIds)).toEqual([['web-xa']]);
    expect((await list(`?assignee=${analystId}`)).items).toHaveLength(1);
    expect((await soc.call('/api/v1/incidents?priority=P9', { token: admin })).status).toBe(400);
    expect((await soc.call("/api/v1/incidents?q=' OR 1=1 --", { token: admin })).status).toBe(200);
    expect((await soc.call('/api/v1/incidents?cursor=bm9wZQ', { token: admin })).status).toBe(400);
  });

  it('filters alerts by priority, system, incident and text too', async () => {
    type AlertPage = { items: Array<{ priority: string; incidentId: string | null; sourceIp?: string; entities: { systemIds?: string[] } }> };
    const alerts = (query: string, token = admin) => get<AlertPage>(`/api/v1/alerts${query}`, token);
    const [incident] = await byAttacker('198.51.100.20');
    const ofIncident = await alerts(`?incidentId=${incident!.id}`);
    expect(ofIncident.items.length).toBeGreaterThan(0);
    expect(ofIncident.items.every((a) => a.incidentId === incident!.id && a.priority === 'P3')).toBe(true);
    expect((await alerts('?priority=P3')).items.every((a) => a.priority === 'P3')).toBe(true);
    expect((await alerts('?systemId=web-xa')).items.every((a) => a.entities.systemIds?.includes('web-xa'))).toBe(true);
    expect((await alerts('?q=198.51.100.20')).items.map((a) => a.sourceIp)).toEqual(ofIncident.items.map((a) => a.sourceIp));
    expect((await alerts('?systemId=web-xa', itA)).items).toEqual([]);
    expect((await soc.call('/api/v1/alerts?status=bogus', { token: admin })).status).toBe(400);
  });
});
