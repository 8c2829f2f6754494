import { Client } from 'pg';
import { ReportClockMonitor } from '@soc/incidents';
import { LiveFeedClient } from '../support/live-feed-client';
import { pdfText } from '../support/pdf-text';
import { failedSshLines } from '../support/ssh-lines';
import { startTestApp, TEST_ADMIN_PASSWORD, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

interface Clock {
  key: string;
  regime: string;
  rule: string;
  hours: number;
  dueAt: string;
  status: 'running' | 'met' | 'overdue';
  submittedAt: string | null;
  recipient: { vi: string; en: string };
}
interface Incident {
  id: string;
  ref: string;
  priority: string;
  serious: boolean;
  category: string;
  exceedsCapacity: boolean;
  nationalSecurity: boolean;
}
interface Detail extends Incident {
  deadlines: Clock[];
  timeline: Array<{ kind: string; actor: string; details: Record<string, unknown> }>;
}
interface Submission {
  id: string;
  version: number;
  recipient: string;
  channel: string;
  regimes: string[];
  submittedBy: string;
  submittedAt: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
}
interface ReportView {
  kind: string;
  version: number;
  number: string;
  status: 'draft' | 'sent';
  saved: boolean;
  edits: Record<string, unknown>;
  submissions: Submission[];
  report: Record<string, unknown> & { number: string; detectedAtText: string; ipAddresses: string[] };
}

const PASSWORD = 'Sông-Hương-núi-Ngự-2026';
const START = Date.parse('2026-11-30T10:00:00Z');
const HOUR = 3_600_000;
const PROVINCE = 'Tỉnh Sơn Hà';
const AUTHORITY = 'Công an tỉnh Sơn Hà';
const PROVIDER = 'Trung tâm Giám sát an toàn thông tin tỉnh';

/** Reports to the national coordinator: legal clocks per regime, the overdue job, report versions, submission, PDF. */
describe('incident reports to the national coordinator (real PostgreSQL, injected clock)', () => {
  let nowMs = START;
  const clock = { now: () => new Date(nowMs) };
  let db: TestDatabase;
  let soc: TestApp;
  let admin: string;
  let analyst: string;
  let itA: string;
  let itB: string;
  let feed: LiveFeedClient;
  let hospital: Incident; // level-4 system: runs out of time
  let mail: Incident; // level-3 system: reported in time

  beforeAll(async () => {
    db = await createTestDatabase();
    soc = await startTestApp(
      db.url,
      { SOC_ACCESS_TOKEN_TTL_SECONDS: '86400', SOC_PROVINCE_NAME: PROVINCE, SOC_AUTHORITY_NAME: AUTHORITY, SOC_REPORT_CONTACT: 'Nguyễn Văn An|Trưởng phòng An ninh mạng|0912345678|an.nv@sonha.gov.vn' },
      clock,
    );
    admin = await soc.adminToken();
    for (const [id, name] of [['so-a', 'Sở Y tế'], ['so-b', 'UBND huyện B']]) await post('/api/v1/agencies', { id, name });
    await post('/api/v1/systems', { id: 'his', agencyId: 'so-a', name: 'Phần mềm bệnh viện', securityLevel: 4, owner: 'Sở Y tế', operator: 'Bệnh viện Đa khoa tỉnh', systemType: 'public_service' });
    await post('/api/v1/systems/his/assets', { value: 'his-web01' });
    await post('/api/v1/systems', { id: 'mail', agencyId: 'so-a', name: 'Thư điện tử công vụ', securityLevel: 3, owner: 'UBND tỉnh', operator: 'Trung tâm Chuyển đổi số', systemType: 'internal' });
    await post('/api/v1/systems/mail/assets', { value: 'mail01' });
    await post('/api/v1/agencies/so-a/monitoring-services', { provider: PROVIDER, kind: 'contracted' });
    for (const user of [
      { username: 'analyst', roles: ['soc_analyst'], agencyIds: [] },
      { username: 'it.a', roles: ['agency_it'], agencyIds: ['so-a'] },
      { username: 'it.b', roles: ['agency_it'], agencyIds: ['so-b'] },
    ]) {
      await post('/api/v1/users', { ...user, displayName: user.username, password: PASSWORD });
    }
    await login();
    feed = await LiveFeedClient.connect(soc.wsUrl, admin);
    hospital = await incidentFrom('203.0.113.10', 'his-web01');
    mail = await incidentFrom('198.51.100.7', 'mail01');
  });
  afterAll(async () => {
    feed?.close();
    await soc?.close();
    await db?.drop();
  });

  /** Fresh tokens: the injected clock jumps days ahead, past any token's lifetime. */
  async function login(): Promise<void> {
    admin = await soc.login('admin', TEST_ADMIN_PASSWORD);
    analyst = await soc.login('analyst', PASSWORD);
    itA = await soc.login('it.a', PASSWORD);
    itB = await soc.login('it.b', PASSWORD);
  }
  async function call(method: string, path: string, body?: unknown, token = analyst): Promise<Response> {
    return soc.call(path, { method, token, body });
  }
  async function post(path: string, body: unknown, token = admin): Promise<Response> {
    const res = await soc.call(path, { method: 'POST', token, body });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res;
  }
  async function json<T>(res: Response, status = 200): Promise<T> {
    const text = await res.text();
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  }
  const detail = async (id: string, token = admin) => json<Detail>(await call('GET', `/api/v1/incidents/${id}`, undefined, token));
  const report = (id: string, kind: string, token = analyst) => call('GET', `/api/v1/incidents/${id}/reports/${kind}`, undefined, token);
  async function incidentFrom(ip: string, host: string): Promise<Incident> {
    for (let burst = 0; burst < 3; burst++) expect((await soc.ingest(failedSshLines(ip, 8, undefined, host))).status).toBe(202);
    const page = await json<{ items: Incident[] }>(await call('GET', `/api/v1/incidents?q=${ip}`, undefined, admin));
    expect(page.items).toHaveLength(1);
    return page.items[0]!;
  }
  const byKey = (clocks: Clock[]) => Object.fromEntries(clocks.map((c) => [c.key, c]));

  it('shows each regime’s clocks from detection, and the national category on list and detail', async () => {
    expect(hospital.category).toBe('other'); // brute force (T1110) is none of phishing, defacement, malware
    const clocks = byKey((await detail(hospital.id)).deadlines);
    expect(Object.keys(clocks).sort()).toEqual(['report:nd331-2026:72h', 'report:tt20-2017:5d']);
    expect(clocks['report:tt20-2017:5d']).toMatchObject({ dueAt: new Date(START + 120 * HOUR).toISOString(), status: 'running', submittedAt: null, hours: 120 });
    expect(clocks['report:tt20-2017:5d']!.recipient.vi).toContain('VNCERT/CC');
    expect(clocks['report:nd331-2026:72h']).toMatchObject({ dueAt: new Date(START + 72 * HOUR).toISOString(), status: 'running' });
  });

  it('adds the 24-hour clock when the incident turns serious, and the immediate one for national security; flags are audited', async () => {
    nowMs = START + 10 * 60_000;
    const patched = await json<Incident>(await call('PATCH', `/api/v1/incidents/${hospital.id}`, { effects: ['service_outage'], category: 'malware', nationalSecurity: true }));
    expect(patched).toMatchObject({ serious: true, category: 'malware', nationalSecurity: true, exceedsCapacity: false });
    const full = await detail(hospital.id);
    const clocks = byKey(full.deadlines);
    expect(clocks['report:nd331-2026:24h']).toMatchObject({ dueAt: new Date(START + 24 * HOUR).toISOString(), status: 'running' });
    // "Immediately" is due at detection: it is overdue the moment it applies, the prompt to report at once.
    expect(clocks['report:nd331-2026:immediate']).toMatchObject({ dueAt: new Date(START).toISOString(), hours: 0, status: 'overdue' });
    expect(full.timeline.map((t) => t.kind)).toEqual(expect.arrayContaining(['category_set', 'national_security_set', 'effects_set']));
    const audit = await db.query<{ details: Record<string, unknown> }>(`SELECT details FROM audit_log WHERE target = $1 AND action = 'incidents.updated'`, [`incident:${hospital.id}`]);
    expect(audit.map((a) => a.details)).toContainEqual(expect.objectContaining({ category: 'malware', national_security: true }));
    expect((await call('PATCH', `/api/v1/incidents/${hospital.id}`, { category: 'ransomware' })).status).toBe(400);
  });

  it('generates the initial report with every required field (a draft v1 until someone saves one)', async () => {
    const draft = await json<ReportView>(await report(mail.id, 'initial'));
    expect(draft).toMatchObject({ kind: 'initial', version: 1, status: 'draft', saved: false, number: `${mail.ref}/BĐ-1`, submissions: [] });
    expect(draft.report).toMatchObject({
      title: 'Báo cáo ban đầu sự cố an toàn thông tin mạng',
      number: `${mail.ref}/BĐ-1`,
      reportingOrganization: { name: AUTHORITY, province: PROVINCE },
      contact: { name: 'Nguyễn Văn An', position: 'Trưởng phòng An ninh mạng', phone: '0912345678', email: 'an.nv@sonha.gov.vn' },
      operator: 'Trung tâm Chuyển đổi số',
      owner: 'UBND tỉnh',
      systems: [{ id: 'mail', name: 'Thư điện tử công vụ', securityLevel: 3 }],
      systemNames: 'Thư điện tử công vụ',
      securityLevel: 3,
      provider: PROVIDER,
      detectedAt: new Date(START).toISOString(),
      detectedAtText: '17:00 ngày 30/11/2026',
      state: 'new',
      status: expect.stringContaining('Mới phát hiện'),
      osVersions: '',
      ipAddresses: ['198.51.100.7'],
      domains: [],
      purpose: expect.stringContaining('nội bộ'),
      confidential: true,
      incident: { id: mail.id, ref: mail.ref, category: 'other' },
    });
    expect(draft.report.description).toEqual(expect.stringContaining('198.51.100.7'));
    expect(draft.report.date).toBe(new Date(nowMs).toISOString());
    expect(draft.report.dateText).toBe(`${PROVINCE}, ngày 30 tháng 11 năm 2026`);
  });

  it('keeps every edit as a version, refuses an outdated base, and edits only what may be edited', async () => {
    const v1 = await json<ReportView>(await call('PUT', `/api/v1/incidents/${mail.id}/reports/initial`, { osVersions: 'Ubuntu 22.04, Postfix 3.6', confidential: false }));
    expect(v1).toMatchObject({ version: 1, saved: true, status: 'draft', report: { osVersions: 'Ubuntu 22.04, Postfix 3.6', confidential: false } });
    const v2 = await json<ReportView>(await call('PUT', `/api/v1/incidents/${mail.id}/reports/initial`, { version: 1, purpose: 'Thư điện tử công vụ của tỉnh' }));
    expect(v2).toMatchObject({ version: 2, number: `${mail.ref}/BĐ-2`, edits: { osVersions: 'Ubuntu 22.04, Postfix 3.6', confidential: false, purpose: 'Thư điện tử công vụ của tỉnh' } });
    expect((await call('PUT', `/api/v1/incidents/${mail.id}/reports/initial`, { version: 1, purpose: 'cũ' })).status).toBe(409);
    expect((await call('PUT', `/api/v1/incidents/${mail.id}/reports/initial`, { recommendations: 'chỉ cho báo cáo kết thúc' })).status).toBe(400);
    expect((await call('PUT', `/api/v1/incidents/${mail.id}/reports/initial`, {})).status).toBe(400);
    expect((await call('PUT', `/api/v1/incidents/${mail.id}/reports/initial`, { osVersions: 'x', bogus: 1 })).status).toBe(400);
    expect((await call('GET', `/api/v1/incidents/${mail.id}/reports/final`)).status).toBe(400);
    const versions = await json<Array<{ version: number; status: string }>>(await call('GET', `/api/v1/incidents/${mail.id}/reports/initial/versions`));
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'draft'],
      [2, 'draft'],
    ]);
  });

  it('records the submission before the deadline: the clocks are met, the sent version is frozen (409), a new edit starts a new draft', async () => {
    nowMs = START + HOUR;
    const sent = await json<ReportView>(await call('POST', `/api/v1/incidents/${mail.id}/reports/initial/submit`, { recipient: 'VNCERT/CC — ir@vncert.vn', channel: 'email', reference: 'CV-123/CAT' }));
    expect(sent).toMatchObject({ version: 2, status: 'sent', report: { number: `${mail.ref}/BĐ-2`, date: new Date(nowMs).toISOString() } });
    expect(sent.submissions).toEqual([
      expect.objectContaining({ recipient: 'VNCERT/CC — ir@vncert.vn', channel: 'email', regimes: ['tt20-2017', 'nd331-2026'], submittedBy: 'user:analyst', submittedAt: new Date(nowMs).toISOString() }),
    ]);
    const clocks = byKey((await detail(mail.id)).deadlines);
    for (const key of ['report:tt20-2017:5d', 'report:nd331-2026:72h']) expect(clocks[key]).toMatchObject({ status: 'met', submittedAt: new Date(nowMs).toISOString() });

    const frozen = await call('PUT', `/api/v1/incidents/${mail.id}/reports/initial`, { version: 2, osVersions: 'Ubuntu 24.04' });
    expect(frozen.status).toBe(409);
    expect(((await frozen.json()) as { message: string }).message).toContain('cannot be edited');
    const v3 = await json<ReportView>(await call('PUT', `/api/v1/incidents/${mail.id}/reports/initial`, { osVersions: 'Ubuntu 24.04, Postfix 3.8' }));
    expect(v3).toMatchObject({ version: 3, status: 'draft', edits: { osVersions: 'Ubuntu 24.04, Postfix 3.8', purpose: 'Thư điện tử công vụ của tỉnh' } });
    const versions = await json<Array<{ version: number; status: string; submissions: Submission[] }>>(await call('GET', `/api/v1/incidents/${mail.id}/reports/initial/versions`));
    expect(versions.map((v) => [v.version, v.status, v.submissions.length])).toEqual([
      [1, 'draft', 0],
      [2, 'sent', 1],
      [3, 'draft', 0],
    ]);

    // A progress report is sent the same way (its generated v1); only initial reports answer the clocks.
    await json(await call('POST', `/api/v1/incidents/${mail.id}/reports/progress/submit`, { recipient: 'Sở Y tế', channel: 'letter' }));
    expect((await call('POST', `/api/v1/incidents/${mail.id}/reports/progress/submit`, { recipient: 'x', channel: 'pigeon' })).status).toBe(400);
    expect((await call('POST', `/api/v1/incidents/${mail.id}/reports/progress/submit`, { recipient: 'x', channel: 'email', regimes: ['tt20-2017'] })).status).toBe(400);
  });

  it('tracks the acknowledgement, once', async () => {
    nowMs = START + 2 * HOUR;
    const acked = await json<Submission>(await call('POST', `/api/v1/incidents/${mail.id}/reports/initial/acknowledge`, { by: 'VNCERT/CC — trực ban', reference: 'TN-2026-0099' }));
    expect(acked).toMatchObject({ acknowledgedBy: 'VNCERT/CC — trực ban', acknowledgedAt: new Date(nowMs).toISOString() });
    expect((await call('POST', `/api/v1/incidents/${mail.id}/reports/initial/acknowledge`, { by: 'again' })).status).toBe(409);
    expect((await call('POST', `/api/v1/incidents/${mail.id}/reports/closing/acknowledge`, { by: 'nobody' })).status).toBe(409);

    const full = await detail(mail.id);
    expect(full.timeline.filter((t) => t.actor === 'user:analyst').map((t) => t.kind)).toEqual(['report_edited', 'report_edited', 'report_submitted', 'report_edited', 'report_submitted', 'report_acknowledged']);
    const audit = await db.query<{ action: string; actor: string }>(`SELECT action, actor FROM audit_log WHERE target = $1 AND action LIKE 'incidents.report_%' ORDER BY seq`, [`incident:${mail.id}`]);
    expect(audit.map((a) => a.action)).toEqual([
      'incidents.report_edited',
      'incidents.report_edited',
      'incidents.report_submitted',
      'incidents.report_edited',
      'incidents.report_submitted',
      'incidents.report_acknowledged',
    ]);
    expect(audit.every((a) => a.actor === 'user:analyst')).toBe(true);
  });

  it('renders the report as a Vietnamese PDF with the required labels and values', async () => {
    const res = await call('GET', `/api/v1/incidents/${mail.id}/reports/initial?format=pdf`, undefined, itA);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/pdf');
    // Long values wrap onto the next line of the page: compare with whitespace folded.
    const text = (await pdfText(Buffer.from(await res.arrayBuffer()))).text.replace(/\s+/g, ' ');
    for (const expected of [
      'Báo cáo ban đầu sự cố an toàn thông tin mạng',
      'Số báo cáo',
      `${mail.ref}/BĐ-3`,
      'Tên đơn vị báo cáo',
      AUTHORITY,
      'Người liên hệ',
      'Nguyễn Văn An',
      'Đơn vị vận hành hệ thống',
      'Trung tâm Chuyển đổi số',
      'Cơ quan chủ quản',
      'Tên hệ thống',
      'Thư điện tử công vụ',
      'Cấp độ an toàn hệ thống thông tin',
      'Cấp độ 3',
      'Đơn vị cung cấp dịch vụ giám sát an toàn thông tin',
      PROVIDER,
      'Hệ điều hành, phiên bản',
      'Ubuntu 24.04, Postfix 3.8',
      'Địa chỉ IP liên quan',
      '198.51.100.7',
      'Thời điểm phát hiện',
      '17:00 ngày 30/11/2026',
      'Tình trạng xử lý',
      'Yêu cầu bảo mật thông tin',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('adds the outcome and recommendations to the closing report', async () => {
    await json(await call('POST', `/api/v1/incidents/${mail.id}/transition`, { to: 'resolved', resolution: 'true_positive' }));
    const closing = await json<ReportView>(await call('PUT', `/api/v1/incidents/${mail.id}/reports/closing`, { recommendations: 'Bật xác thực đa yếu tố cho máy chủ thư.' }));
    expect(closing.report).toMatchObject({ title: 'Báo cáo kết thúc sự cố an toàn thông tin mạng', number: `${mail.ref}/KT-1`, recommendations: 'Bật xác thực đa yếu tố cho máy chủ thư.', outcome: expect.stringContaining('true positive') });
    expect((closing.report.timelineSummary as string[]).join('\n')).toContain(`Gửi ${mail.ref}/BĐ-2 tới VNCERT/CC`);
    const text = (await pdfText(Buffer.from(await (await call('GET', `/api/v1/incidents/${mail.id}/reports/closing?format=pdf`)).arrayBuffer()))).text.replace(/\s+/g, ' ');
    for (const expected of ['Báo cáo kết thúc sự cố an toàn thông tin mạng', 'Kết quả xử lý sự cố', 'Kiến nghị, đề xuất', 'Bật xác thực đa yếu tố']) expect(text).toContain(expected);
  });

  it("answers 404 to another agency's IT staff and 403 to any agency IT write", async () => {
    for (const path of [`/reports/initial`, `/reports/initial?format=pdf`, `/reports/initial/versions`]) {
      expect((await call('GET', `/api/v1/incidents/${mail.id}${path}`, undefined, itB)).status).toBe(404);
      expect((await call('GET', `/api/v1/incidents/${mail.id}${path}`, undefined, itA)).status).toBe(200);
    }
    expect((await call('PUT', `/api/v1/incidents/${mail.id}/reports/initial`, { osVersions: 'x' }, itA)).status).toBe(403);
    expect((await call('POST', `/api/v1/incidents/${mail.id}/reports/initial/submit`, { recipient: 'x', channel: 'email' }, itA)).status).toBe(403);
  });

  it('raises each overdue report clock once (timeline, audit, sla.breached), on one node, never for a clock that was met', async () => {
    const monitor = soc.app.get(ReportClockMonitor);
    const raisedFor = async (id: string) =>
      (await db.query<{ sla: string; n: string }>(`SELECT details ->> 'sla' AS sla, count(*) AS n FROM audit_log WHERE target = $1 AND action = 'incidents.report_overdue' GROUP BY 1 ORDER BY 1`, [`incident:${id}`])).map(
        (r) => `${r.sla} ×${r.n}`,
      );

    // Another node holding the job's advisory lock: this one skips the tick.
    nowMs = START + 23 * HOUR;
    const otherNode = new Client({ connectionString: db.url });
    await otherNode.connect();
    await otherNode.query('BEGIN');
    await otherNode.query('SELECT pg_advisory_xact_lock(7201031)');
    expect(await monitor.check()).toBe(0);
    await otherNode.query('COMMIT');
    await otherNode.end();

    expect(await monitor.check()).toBe(1); // the immediate clock (national security) only
    expect(await monitor.check()).toBe(0);
    const immediate = await feed.waitFor((m) => m.type === 'sla.breached' && m.data.sla === 'report:nd331-2026:immediate');
    expect(immediate.data).toMatchObject({ priority: hospital.priority, incident: { id: hospital.id, ref: hospital.ref, priority: hospital.priority } });

    nowMs = START + 24 * HOUR + 1000; // past 24 h
    expect(await monitor.check()).toBe(1);
    nowMs = START + 72 * HOUR + 1000; // past 72 h
    expect(await monitor.check()).toBe(1);
    expect(await monitor.check()).toBe(0);
    nowMs = START + 121 * HOUR;
    expect(await monitor.check()).toBe(1);
    expect(await monitor.check()).toBe(0);

    expect(await raisedFor(hospital.id)).toEqual(['report:nd331-2026:24h ×1', 'report:nd331-2026:72h ×1', 'report:nd331-2026:immediate ×1', 'report:tt20-2017:5d ×1']);
    expect(await raisedFor(mail.id)).toEqual([]); // its initial report was sent in time
    const messages = await db.query<{ sla: string; incident: string; priority: string }>(
      `SELECT payload ->> 'sla' AS sla, payload -> 'incident' ->> 'id' AS incident, payload ->> 'priority' AS priority FROM outbox WHERE type = 'sla.breached' AND payload ->> 'sla' LIKE 'report:%' ORDER BY seq`,
    );
    expect(messages).toEqual(
      ['report:nd331-2026:immediate', 'report:nd331-2026:24h', 'report:nd331-2026:72h', 'report:tt20-2017:5d'].map((sla) => ({ sla, incident: hospital.id, priority: hospital.priority })),
    );
    await login();
    const full = await detail(hospital.id);
    expect(full.timeline.filter((t) => t.kind === 'report_overdue').map((t) => t.details.sla)).toEqual([
      'report:nd331-2026:immediate',
      'report:nd331-2026:24h',
      'report:nd331-2026:72h',
      'report:tt20-2017:5d',
    ]);
    expect(full.deadlines.every((c) => c.status === 'overdue')).toBe(true);
  });
});
