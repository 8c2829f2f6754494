import { ReportScheduler } from '@soc/reports';
import { apiClient } from '../../apps/soc-cli/src/commands/seed-demo.command';
import { seedDemo, type SeedReport } from '../../apps/soc-cli/src/seed/seed-demo';
import { eventually } from '../support/eventually';
import { pdfText } from '../support/pdf-text';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

interface Report {
  id: string;
  kind: string;
  periodFrom: string;
  periodTo: string;
  trigger: string;
  content: {
    period: { from: string; to: string };
    incidents: { total: number; byCategory: Record<string, number>; byPriority: Record<string, number>; byAgency: Array<{ agencyId: string; total: number }> };
    topAttackers: Array<{ ip: string; incidents: number }>;
    topSystems: Array<{ systemId: string; incidents: number }>;
    alerts: { total: number };
  };
}

/** Periodic reports over the demo province (seeded at 10:00 on 30 Nov 2026, Hà Nội time): on demand, on schedule, in three formats. */
describe('periodic reports (real PostgreSQL)', () => {
  let nowMs = Date.parse('2026-11-30T03:00:00Z');
  const clock = { now: () => new Date(nowMs) };
  let db: TestDatabase;
  let soc: TestApp;
  let admin: string;
  let seed: SeedReport;

  beforeAll(async () => {
    db = await createTestDatabase();
    soc = await startTestApp(db.url, { SOC_ACCESS_TOKEN_TTL_SECONDS: '86400', SOC_PROVINCE_NAME: 'Tỉnh Sơn Hà', SOC_AUTHORITY_NAME: 'Công an tỉnh Sơn Hà' }, clock);
    admin = await soc.adminToken();
    seed = await seedDemo(apiClient(soc.baseUrl, admin), { now: clock.now(), timeZone: 'Asia/Ho_Chi_Minh' });
    await eventually(async () => ((await db.query('SELECT 1 FROM incidents')).length === 2 ? true : undefined), 'the two demo incidents');
  }, 120_000);
  afterAll(async () => {
    await soc?.close();
    await db?.drop();
  });

  const post = async (path: string, body: unknown, token = admin) => soc.call(path, { method: 'POST', token, body });

  it('reports a day on demand: incidents by national category, agency and priority, top attackers and systems', async () => {
    const res = await post('/api/v1/reports', { kind: 'daily', from: '2026-11-30', to: '2026-12-01' });
    expect(res.status).toBe(201);
    const report = (await res.json()) as Report;
    expect(report).toMatchObject({ kind: 'daily', periodFrom: '2026-11-30', periodTo: '2026-12-01', trigger: 'on_demand' });
    const { incidents, topAttackers, topSystems } = report.content;
    expect(incidents.total).toBe(2);
    expect(Object.values(incidents.byCategory).reduce((a, b) => a + b, 0)).toBe(2);
    expect(incidents.byPriority).toEqual({ P1: 1, P2: 0, P3: 1, P4: 0 });
    expect(incidents.byAgency.map((a) => [a.agencyId, a.total]).sort()).toEqual([
      ['so-yt', 1],
      ['x-dongphu', 1],
    ]);
    expect(topAttackers.map((a) => a.ip).sort()).toEqual(['198.51.100.77', '203.0.113.66']);
    expect(topSystems.map((s) => s.systemId).sort()).toEqual(['his-bvdk', 'web-x-dongphu']);
    expect(report.content.alerts.total).toBe(2);
    // The day before holds nothing: the period is the province's local day.
    const before = (await (await post('/api/v1/reports', { kind: 'daily', from: '2026-11-29', to: '2026-11-30' })).json()) as Report;
    expect(before.content.incidents.total).toBe(0);
    const announced = await db.query<{ payload: { id: string } }>(`SELECT payload FROM outbox WHERE type = 'report.ready'`);
    expect(announced.map((m) => m.payload.id)).toEqual(expect.arrayContaining([report.id, before.id]));
  });

  it('serves a report as JSON, Excel-ready CSV and a Vietnamese PDF', async () => {
    const [latest] = (await (await soc.call('/api/v1/reports?kind=daily&limit=5', { token: admin })).json()) as Report[];
    const report = (await (await soc.call('/api/v1/reports?kind=daily', { token: admin })).json()) as Report[];
    const id = report.find((r) => r.periodFrom === '2026-11-30')!.id;
    expect(latest).toBeDefined();
    const csv = await soc.call(`/api/v1/reports/${id}?format=csv`, { token: admin });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, so Excel reads Vietnamese right
    const text = bytes.toString('utf8');
    expect(text).toContain('"incidents","total","2"');
    expect(text).toContain('"top_attacker","203.0.113.66","1"');
    const pdf = await soc.call(`/api/v1/reports/${id}?format=pdf`, { token: admin });
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    const { text: pdfContent } = await pdfText(Buffer.from(await pdf.arrayBuffer()));
    for (const expected of ['CÔNG AN TỈNH SƠN HÀ', 'BÁO CÁO TÌNH HÌNH AN TOÀN THÔNG TIN TRONG NGÀY', 'từ ngày 30/11/2026 đến ngày 30/11/2026', 'Tổng số sự cố: 2', 'Sở Y tế', '203.0.113.66']) {
      expect(pdfContent).toContain(expected);
    }
  });

  it('runs on the schedules kept in the database, once per period whichever node runs it', async () => {
    const scheduler = soc.app.get(ReportScheduler);
    const schedules = (await (await soc.call('/api/v1/reports/schedules', { token: admin })).json()) as Array<{ kind: string; cron: string }>;
    expect(schedules.map((s) => [s.kind, s.cron])).toEqual([
      ['annual', '0 7 10 12 *'],
      ['daily', '0 7 * * *'],
      ['half_year', '0 7 15 6 *'],
      ['monthly', '0 7 1 * *'],
    ]);
    expect((await soc.call('/api/v1/reports/schedules/daily', { method: 'PUT', token: admin, body: { cron: 'every day', enabled: true } })).status).toBe(400);
    expect((await soc.call('/api/v1/reports/schedules/weekly', { method: 'PUT', token: admin, body: { cron: '0 8 * * 1', enabled: true } })).status).toBe(404);
    expect((await soc.call('/api/v1/reports/schedules/monthly', { method: 'PUT', token: admin, body: { cron: '30 6 1 * *', enabled: true } })).status).toBe(200);
    await scheduler.sync();
    const next = scheduler.nextRuns();
    expect(Object.keys(next).sort()).toEqual(['annual', 'daily', 'half_year', 'monthly']);
    // 1 Dec, 07:00 in Hà Nội: the monthly run reports November.
    nowMs = Date.parse('2026-12-01T00:00:00Z');
    await scheduler.run('monthly');
    await scheduler.run('monthly');
    const monthly = (await (await soc.call('/api/v1/reports?kind=monthly', { token: admin })).json()) as Report[];
    expect(monthly).toHaveLength(1);
    expect(monthly[0]).toMatchObject({ periodFrom: '2026-11-01', periodTo: '2026-12-01', trigger: 'scheduled' });
  });

  it('keeps province-wide reports from agency IT staff, and refuses bad requests', async () => {
    const it = await soc.login('cntt.soyt', seed.users.find((u) => u.username === 'cntt.soyt')!.password);
    expect((await soc.call('/api/v1/reports', { token: it })).status).toBe(403);
    expect((await post('/api/v1/reports', { kind: 'weekly' })).status).toBe(400);
    expect((await post('/api/v1/reports', { kind: 'daily', from: '2026-11-30' })).status).toBe(400);
    expect((await post('/api/v1/reports', { kind: 'daily', from: '2026-11-30', to: '2026-11-30' })).status).toBe(400);
    expect((await soc.call('/api/v1/reports/00000000-0000-4000-8000-000000000000', { token: admin })).status).toBe(404);
  });
});
