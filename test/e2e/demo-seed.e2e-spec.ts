import { SourceHealthMonitor } from '@soc/ingest';
import { PostureJobs } from '@soc/posture';
import { apiClient } from '../../apps/soc-cli/src/commands/seed-demo.command';
import { seedDemo, type SeedReport } from '../../apps/soc-cli/src/seed/seed-demo';
import { eventually } from '../support/eventually';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

interface Ratio {
  count: number;
  of: number;
  percent: number | null;
}
interface Kpis {
  systems: number;
  byLevel: Record<string, number>;
  approvedLevel: Ratio;
  fullyImplemented: Ratio;
  partiallyImplemented: Ratio;
  notImplemented: Ratio;
  regulationIssued: Ratio;
  allFourLayersOk: Ratio;
  level3PlusAssessed: Ratio;
}
interface Posture {
  systemId: string;
  agencyId: string;
  securityLevel: number | null;
  dossier: { status: string; decisionNumber: string | null; regulationStatus: string };
  requirements: { percent: number | null; implementation: string } | null;
  layers: Array<{ layer: number; status: string; reasons: string[] }>;
  openIncidents: Record<string, number>;
  sources: Array<{ sourceId: string; silentSince: string | null }>;
  openVulnerabilities: Record<string, number>;
  deadlines: Array<{ id: string; dueOn: string; daysLeft: number }>;
}

/**
 * The demo province, seeded through the API at a fixed time (30 Nov 2026, 10:00 in Hà Nội), and what posture
 * makes of it. Expected figures are counted by hand from apps/soc-cli/src/seed/demo-province.ts.
 */
describe('demo seed → posture, KPIs, annual report, reminders (real PostgreSQL)', () => {
  let nowMs = Date.parse('2026-11-30T03:00:00Z');
  const clock = { now: () => new Date(nowMs) };
  let db: TestDatabase;
  let soc: TestApp;
  let admin: string;
  let report: SeedReport;

  beforeAll(async () => {
    db = await createTestDatabase();
    soc = await startTestApp(db.url, { SOC_ACCESS_TOKEN_TTL_SECONDS: '86400', SOC_PROVINCE_NAME: 'Tỉnh Sơn Hà', SOC_AUTHORITY_NAME: 'Công an tỉnh Sơn Hà' }, clock);
    admin = await soc.adminToken();
    report = await seedDemo(apiClient(soc.baseUrl, admin), { now: clock.now(), timeZone: 'Asia/Ho_Chi_Minh' });
  }, 120_000);
  afterAll(async () => {
    await soc?.close();
    await db?.drop();
  });

  const get = async <T>(path: string, token = admin): Promise<T> => {
    const res = await soc.call(path, { token });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const posture = (id: string, token = admin) => get<Posture>(`/api/v1/systems/${id}/posture`, token);
  const itSoYt = async () => soc.login('cntt.soyt', report.users.find((u) => u.username === 'cntt.soyt')!.password);

  it('creates the province through the API and refuses to run twice', async () => {
    expect(report).toMatchObject({ agencies: 13, systems: 30 });
    expect(report.users.map((u) => u.username)).toEqual(['phantich', 'ungcuu', 'cntt.soyt']);
    await expect(seedDemo(apiClient(soc.baseUrl, admin), { now: clock.now(), timeZone: 'Asia/Ho_Chi_Minh' })).rejects.toThrow(/already there/);
  });

  it('computes the province KPIs the seed implies (counted by hand)', async () => {
    const { province } = await get<{ province: Kpis }>('/api/v1/posture/kpis');
    expect(province).toEqual({
      systems: 30,
      byLevel: { '1': 4, '2': 10, '3': 10, '4': 3, '5': 0, none: 3 },
      approvedLevel: { count: 27, of: 30, percent: 90 },
      fullyImplemented: { count: 5, of: 27, percent: 18.5 },
      partiallyImplemented: { count: 8, of: 27, percent: 29.6 },
      notImplemented: { count: 14, of: 27, percent: 51.9 },
      regulationIssued: { count: 27, of: 30, percent: 90 },
      allFourLayersOk: { count: 12, of: 30, percent: 40 },
      level3PlusAssessed: { count: 9, of: 13, percent: 69.2 },
    });
  });

  it('shows a level-3 system its completeness and four layers with reasons, and flips layer 2 when its source goes silent', async () => {
    const wan = await posture('wan-tinh');
    expect(wan).toMatchObject({ securityLevel: 3, dossier: { status: 'approved', regulationStatus: 'issued' }, requirements: { percent: 100, implementation: 'full' } });
    expect(wan.layers.map((l) => l.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(wan.layers.every((l) => l.reasons.length > 0)).toBe(true);
    expect(wan.sources).toEqual([expect.objectContaining({ sourceId: 'syslog-ubnd-tinh', silentSince: null })]);
    expect(wan.deadlines.map((d) => d.id)).toContain('assessment-report-l3-l4');

    const partial = await posture('qlvb');
    expect(partial.requirements).toMatchObject({ implementation: 'partial' });
    expect(partial.requirements!.percent).toBeGreaterThan(0);
    expect(partial.requirements!.percent).toBeLessThan(100);

    // Two hours without a line from a source expected hourly: the health monitor marks it silent.
    nowMs += 2 * 3_600_000;
    await soc.app.get(SourceHealthMonitor).check();
    const silent = await posture('wan-tinh');
    expect(silent.layers[1]).toMatchObject({ layer: 2, status: 'warning' });
    expect(silent.layers[1]!.reasons.join(' ')).toContain('ngừng gửi');
  });

  it('explains the layers that are missing', async () => {
    const commune = await posture('web-p-bacha');
    expect(commune.layers.map((l) => l.status)).toEqual(['missing', 'missing', 'ok', 'missing']);
    expect((await posture('dat-dai')).layers[1]!.reasons[0]).toContain('hết hạn');
    expect((await posture('ho-so-sk')).layers[2]).toMatchObject({ status: 'missing', reasons: [expect.stringContaining('Quá hạn đánh giá')] });
    expect((await posture('his-bvdk')).layers[2]).toMatchObject({ status: 'warning', reasons: [expect.stringContaining('3 phát hiện')] });
  });

  it('counts the open incidents the demo traffic raised by priority', async () => {
    const his = await eventually(async () => {
      const p = await posture('his-bvdk');
      return p.openIncidents.P1 === 1 ? p : undefined;
    }, 'the P1 incident on the level-4 hospital system');
    expect(his.openIncidents).toEqual({ P1: 1, P2: 0, P3: 0, P4: 0 });
    expect((await posture('web-x-dongphu')).openIncidents.P3).toBe(1);
  });

  it('produces the annual report for the 2026 period as JSON and as a Vietnamese document', async () => {
    const annual = await get<{ period: { from: string; to: string }; province: string; kpis: Kpis; systems: Array<{ systemId: string; assessedOn: string[]; owner: string }> }>('/api/v1/posture/reports/annual?year=2026');
    expect(annual.period).toEqual({ from: '2025-12-15', to: '2026-12-14' });
    expect(annual.province).toBe('Tỉnh Sơn Hà');
    expect(annual.kpis.level3PlusAssessed).toEqual({ count: 9, of: 13, percent: 69.2 });
    expect(annual.systems).toHaveLength(30);
    expect(annual.systems.find((s) => s.systemId === 'dvc-tinh')).toMatchObject({ assessedOn: ['2026-04-02'], owner: 'UBND tỉnh Sơn Hà' });
    // The 2025 period: only the 2025 assessments fall in it.
    expect((await get<{ kpis: Kpis }>('/api/v1/posture/reports/annual?year=2025')).kpis.level3PlusAssessed.count).toBe(3);

    const res = await soc.call('/api/v1/posture/reports/annual?year=2026&format=html', { token: admin });
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('BÁO CÁO TÌNH HÌNH BẢO ĐẢM AN TOÀN HỆ THỐNG THÔNG TIN THEO CẤP ĐỘ NĂM 2026');
    expect(html).toContain('từ ngày 15/12/2025 đến ngày 14/12/2026');
    expect(html).toContain('Hệ thống đã được phê duyệt cấp độ: 27/30 (90%)');
    expect(html).toContain('CÔNG AN TỈNH SƠN HÀ');
    expect((await soc.call('/api/v1/posture/reports/annual?year=2030', { token: admin })).status).toBe(400);
  });

  it("shows agency IT staff only their agency's systems in every posture endpoint", async () => {
    const it = await itSoYt();
    const own = ['his-bvdk', 'ho-so-sk', 'web-so-yt'];
    expect((await get<Posture[]>('/api/v1/posture/systems', it)).map((p) => p.systemId).sort()).toEqual(own);
    expect((await get<{ province: Kpis; byAgency: Record<string, Kpis> }>('/api/v1/posture/kpis', it))).toMatchObject({ province: { systems: 3 } });
    expect(Object.keys((await get<{ byAgency: Record<string, Kpis> }>('/api/v1/posture/kpis', it)).byAgency)).toEqual(['so-yt']);
    expect((await soc.call('/api/v1/systems/wan-tinh/posture', { token: it })).status).toBe(404);
    expect((await soc.call('/api/v1/systems/wan-tinh/assessments', { token: it })).status).toBe(404);
    expect((await soc.call('/api/v1/agencies/so-tc/monitoring-services', { token: it })).status).toBe(404);
    const annual = await get<{ systems: Array<{ agencyId: string }> }>('/api/v1/posture/reports/annual?year=2026', it);
    expect(new Set(annual.systems.map((s) => s.agencyId))).toEqual(new Set(['so-yt']));
  });

  it('sends each deadline reminder once over the live feed, to the responsible agency, and records KPI history', async () => {
    const jobs = soc.app.get(PostureJobs);
    const sent = await jobs.run();
    // 14 days before 14 Dec: the assessment report of the 13 level 3–4 systems; overdue or never-assessed ones (4).
    expect(sent.filter((d) => d.id === 'assessment-report-l3-l4')).toHaveLength(13);
    expect(sent.filter((d) => d.id === 'assessment').map((d) => d.systemId).sort()).toEqual(['cbcc', 'ho-so-sk', 'iot-moitruong', 'tttt-dh']);
    expect(await jobs.run()).toEqual([]);
    const messages = await db.query<{ agency_id: string | null; payload: { id: string; systemId: string } }>(`SELECT agency_id, payload FROM outbox WHERE type = 'posture.deadline'`);
    expect(messages).toHaveLength(sent.length);
    expect(messages.find((m) => m.payload.systemId === 'ho-so-sk')!.agency_id).toBe('so-yt');
    const history = await get<Array<{ day: string; kpis: { province: Kpis } }>>('/api/v1/posture/kpis/history');
    expect(history.map((h) => h.day)).toContain('2026-11-30');
    const itHistory = await get<Array<{ kpis: { province?: Kpis; byAgency: Record<string, unknown> } }>>('/api/v1/posture/kpis/history', await itSoYt());
    expect(itHistory[0]!.kpis.province).toBeUndefined();
    expect(Object.keys(itHistory[0]!.kpis.byAgency)).toEqual(['so-yt']);
  });
});
