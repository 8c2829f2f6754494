import { type Completeness, RequirementsService } from '@soc/posture';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

interface ItemState {
  id: string;
  status: string | null;
  evidence: string | null;
  owner: string | null;
  remediationDate: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
}
interface RequirementsView {
  systemId: string;
  regimeId: string;
  catalogueId: string;
  level: number;
  levelSource: string;
  groups: Array<{ id: string; items: ItemState[] }>;
  completeness: Completeness;
}

const PASSWORD = 'Sông-Hương-núi-Ngự-mùa-thu';

/** Requirements by level: statuses recorded by agencies, completeness computed from them, level suggestion, access. */
describe('requirements by level and level suggestion (real PostgreSQL)', () => {
  let db: TestDatabase;
  let soc: TestApp;
  let admin: string;
  let itA: string;
  let itB: string;
  let auditor: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    soc = await startTestApp(db.url);
    admin = await soc.adminToken();
    for (const [id, name] of [['so-a', 'Sở A'], ['so-b', 'Sở B']]) {
      expect((await post('/api/v1/agencies', { id, name })).status).toBe(201);
    }
    const users = [
      { username: 'it.a', roles: ['agency_it'], agencyIds: ['so-a'] },
      { username: 'it.b', roles: ['agency_it'], agencyIds: ['so-b'] },
      { username: 'kiem.toan', roles: ['auditor'], agencyIds: [] },
    ];
    for (const user of users) expect((await post('/api/v1/users', { ...user, displayName: user.username, password: PASSWORD })).status).toBe(201);
    itA = await soc.login('it.a', PASSWORD);
    itB = await soc.login('it.b', PASSWORD);
    auditor = await soc.login('kiem.toan', PASSWORD);
    expect((await post('/api/v1/systems', { id: 'dvc', agencyId: 'so-a', name: 'Cổng dịch vụ công', securityLevel: 3 })).status).toBe(201);
    expect((await post('/api/v1/systems', { id: 'qlvb', agencyId: 'so-a', name: 'Quản lý văn bản' })).status).toBe(201);
  });
  afterAll(async () => {
    await soc?.close();
    await db?.drop();
  });

  function post(path: string, body: unknown, token = admin) {
    return soc.call(path, { method: 'POST', token, body });
  }
  const put = (systemId: string, itemId: string, body: unknown, token = admin) =>
    soc.call(`/api/v1/systems/${systemId}/requirements/${itemId}`, { method: 'PUT', token, body });
  const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
  const requirements = async (systemId: string, token = admin) => {
    const res = await soc.call(`/api/v1/systems/${systemId}/requirements`, { token });
    expect(res.status).toBe(200);
    return json<RequirementsView>(res);
  };
  const group = (view: RequirementsView, id: string) => view.completeness.groups.find((g) => g.groupId === id);

  it('serves the regimes and the requirement catalogues', async () => {
    const regimes = await json<Array<{ id: string; catalogueId: string }>>(await soc.call('/api/v1/posture/regimes', { token: itA }));
    expect(regimes.map((r) => [r.id, r.catalogueId])).toEqual([
      ['nd85-2016', 'tt12-2022'],
      ['nd331-2026', 'tcvn14423-2026'],
    ]);
    const catalogue = await json<{ id: string; version: string; groups: unknown[] }>(await soc.call('/api/v1/posture/catalogues/tt12-2022', { token: itA }));
    expect(catalogue).toMatchObject({ id: 'tt12-2022', version: expect.any(String) });
    expect(catalogue.groups).toHaveLength(11);
    expect((await soc.call('/api/v1/posture/catalogues/no-such', { token: itA })).status).toBe(404);
  });

  it("lists the system's catalogue at its approved level, nothing assessed yet", async () => {
    const view = await requirements('dvc');
    expect(view).toMatchObject({ systemId: 'dvc', regimeId: 'nd85-2016', catalogueId: 'tt12-2022', level: 3, levelSource: 'approved' });
    expect(view.groups.flatMap((g) => g.items)).toHaveLength(43); // 22 management + 21 technical at level 3
    expect(view.groups.flatMap((g) => g.items).every((item) => item.status === null && item.updatedBy === null)).toBe(true);
    expect(view.completeness).toMatchObject({ applicable: 43, met: 0, notAssessed: 43, percent: 0, fullyImplemented: false, implementation: 'none' });
  });

  it('answers 409 for a system with neither an approved nor a proposed level, and uses the proposed one once set', async () => {
    const res = await soc.call('/api/v1/systems/qlvb/requirements', { token: admin });
    expect(res.status).toBe(409);
    expect(await json(res)).toMatchObject({ message: expect.stringContaining('set one first') });
    expect((await put('qlvb', 'tt12.policy.review', { status: 'met' })).status).toBe(409);
    await db.query("UPDATE information_systems SET proposed_level = 2 WHERE id = 'qlvb'");
    expect(await requirements('qlvb')).toMatchObject({ level: 2, levelSource: 'proposed', completeness: { applicable: 35 } }); // 18 + 17
  });

  it('lets agency IT staff record their own system’s statuses, and computes completeness from them', async () => {
    const saved = await put('dvc', 'tt12.ops.security-monitoring', { status: 'met', evidence: 'SIEM của tỉnh giám sát 24/7', owner: 'Phòng CNTT' }, itA);
    expect(saved.status).toBe(200);
    expect(await json(saved)).toMatchObject({
      id: 'tt12.ops.security-monitoring',
      minLevel: 3,
      certainty: 'G',
      status: 'met',
      evidence: 'SIEM của tỉnh giám sát 24/7',
      owner: 'Phòng CNTT',
      remediationDate: null,
      updatedBy: 'user:it.a',
      updatedAt: expect.any(String),
    });
    expect((await put('dvc', 'tt12.ops.vulnerabilities', { status: 'partial', remediationDate: '2027-06-30' }, itA)).status).toBe(200);
    expect((await put('dvc', 'tt12.net.network-anti-malware', { status: 'not_applicable', evidence: 'Không có kết nối Internet trực tiếp' })).status).toBe(200);
    expect((await put('dvc', 'tt12.data.backup', { status: 'not_met' })).status).toBe(200);

    const view = await requirements('dvc', itA);
    // 43 applicable; 1 met, 1 partial, 1 not met, 1 not applicable, 39 not assessed: (1 + 0.5) / (43 − 1) = 3.57 %
    expect(view.completeness).toMatchObject({ applicable: 43, met: 1, partial: 1, notMet: 1, notApplicable: 1, notAssessed: 39, percent: 3.6, implementation: 'partial', fullyImplemented: false });
    // operations: 9 items, (1 + 0.5) / 9 = 16.7 %; network: 6 items, one not applicable, none met: 0 / 5
    expect(group(view, 'tt12.ops')).toMatchObject({ applicable: 9, met: 1, partial: 1, notAssessed: 7, percent: 16.7 });
    expect(group(view, 'tt12.net')).toMatchObject({ applicable: 6, notApplicable: 1, notAssessed: 5, percent: 0 });
    expect(group(view, 'tt12.data')).toMatchObject({ applicable: 3, notMet: 1, percent: 0 });
    const vulnerabilities = view.groups.find((g) => g.id === 'tt12.ops')!.items.find((i) => i.id === 'tt12.ops.vulnerabilities');
    expect(vulnerabilities).toMatchObject({ status: 'partial', remediationDate: '2027-06-30', updatedBy: 'user:it.a' });
  });

  it('replaces the record on a second PUT (fields left out are cleared)', async () => {
    expect((await put('dvc', 'tt12.ops.security-monitoring', { status: 'partial' })).status).toBe(200);
    const item = (await requirements('dvc')).groups.flatMap((g) => g.items).find((i) => i.id === 'tt12.ops.security-monitoring');
    expect(item).toMatchObject({ status: 'partial', evidence: null, owner: null, updatedBy: 'user:admin' });
    expect((await put('dvc', 'tt12.ops.security-monitoring', { status: 'met', evidence: 'SIEM của tỉnh giám sát 24/7', owner: 'Phòng CNTT' }, itA)).status).toBe(200);
  });

  it('refuses unknown items, items not applicable at the level, and bad bodies', async () => {
    const unknown = await put('dvc', 'tt12.no-such-item', { status: 'met' });
    expect(unknown.status).toBe(400);
    expect(await json(unknown)).toMatchObject({ message: expect.stringContaining('no item tt12.no-such-item') });
    const tooHigh = await put('qlvb', 'tt12.ops.security-monitoring', { status: 'met' }); // level 2; the item starts at level 3
    expect(tooHigh.status).toBe(400);
    expect(await json(tooHigh)).toMatchObject({ message: expect.stringContaining('applies to levels 3–5, not to level 2') });
    expect((await put('dvc', 'tt12.data.backup', { status: 'done' })).status).toBe(400);
    expect((await put('dvc', 'tt12.data.backup', { status: 'met', remediationDate: '2027-02-30' })).status).toBe(400);
    expect((await put('dvc', 'tt12.data.backup', { status: 'met', extra: 1 })).status).toBe(400);
  });

  it("hides another agency's system (404) and keeps auditors to reading", async () => {
    expect((await soc.call('/api/v1/systems/dvc/requirements', { token: itB })).status).toBe(404);
    expect((await soc.call('/api/v1/systems/dvc/level-suggestion', { token: itB })).status).toBe(404);
    expect((await put('dvc', 'tt12.data.backup', { status: 'met' }, itB)).status).toBe(404);
    expect((await put('dvc', 'tt12.data.backup', { status: 'met' }, auditor)).status).toBe(403);
    expect((await requirements('dvc', auditor)).completeness.met).toBe(1);
    expect((await put('no-such-system', 'tt12.data.backup', { status: 'met' })).status).toBe(404);
  });

  it('audits every recorded change with the previous status', async () => {
    const rows = await db.query<{ actor: string; target: string; agency_id: string; details: { itemId: string; status: string; previousStatus: string | null } }>(
      "SELECT actor, target, agency_id, details FROM audit_log WHERE action = 'requirements.update' ORDER BY seq",
    );
    expect(rows.map((r) => [r.actor, r.target, r.agency_id, r.details.itemId, r.details.previousStatus, r.details.status])).toEqual([
      ['user:it.a', 'system:dvc', 'so-a', 'tt12.ops.security-monitoring', null, 'met'],
      ['user:it.a', 'system:dvc', 'so-a', 'tt12.ops.vulnerabilities', null, 'partial'],
      ['user:admin', 'system:dvc', 'so-a', 'tt12.net.network-anti-malware', null, 'not_applicable'],
      ['user:admin', 'system:dvc', 'so-a', 'tt12.data.backup', null, 'not_met'],
      ['user:admin', 'system:dvc', 'so-a', 'tt12.ops.security-monitoring', 'met', 'partial'],
      ['user:it.a', 'system:dvc', 'so-a', 'tt12.ops.security-monitoring', 'partial', 'met'],
    ]);
  });

  it('gives completeness per system to the posture code, leaving out systems without a level', async () => {
    const byId = await soc.app.get(RequirementsService).completenessFor(['dvc', 'qlvb', 'no-such-system']);
    expect([...byId.keys()].sort()).toEqual(['dvc', 'qlvb']);
    expect(byId.get('dvc')).toMatchObject({ level: 3, met: 1, partial: 1, percent: 3.6 });
    expect(byId.get('qlvb')).toMatchObject({ level: 2, applicable: 35, notAssessed: 35 });
  });

  it('suggests a level from the recorded facts, under the regime of the system', async () => {
    await db.query(
      `UPDATE information_systems SET system_type = 'public_service', information_types = '{public,personal}', data_subjects = 150000,
         public_service_level = 3 WHERE id = 'dvc'`,
    );
    const nd85 = await json<{ level: number; regimeId: string; approvedLevel: number; reasons: Array<{ criterionId: string }>; missingFacts: unknown[] }>(
      await soc.call('/api/v1/systems/dvc/level-suggestion', { token: itA }),
    );
    expect(nd85).toMatchObject({ systemId: 'dvc', regimeId: 'nd85-2016', level: 3, approvedLevel: 3, certainty: 'U', missingFacts: [] });
    expect(nd85.reasons.map((r) => r.criterionId)).toEqual(['l3-online-services-many-users', 'l3-many-data-subjects']);

    await db.query("UPDATE information_systems SET regime_id = 'nd331-2026', data_subjects = 5000 WHERE id = 'dvc'");
    const nd331 = await json<{ level: number; certainty: string; reasons: Array<{ criterionId: string }> }>(await soc.call('/api/v1/systems/dvc/level-suggestion', { token: admin }));
    expect(nd331).toMatchObject({ regimeId: 'nd331-2026', level: 3, certainty: 'G' });
    expect(nd331.reasons.map((r) => r.criterionId)).toEqual(['l3-administrative-procedures']);
  });

  it("switches the catalogue with the system's regime; statuses of the old catalogue no longer count", async () => {
    const view = await requirements('dvc');
    expect(view).toMatchObject({ regimeId: 'nd331-2026', catalogueId: 'tcvn14423-2026', level: 3 });
    expect(view.groups).toHaveLength(18);
    expect(view.completeness).toMatchObject({ met: 0, partial: 0, notApplicable: 0, notAssessed: view.completeness.applicable, percent: 0 });
    expect((await put('dvc', 'tcvn14423.monitoring.24x7', { status: 'met' })).status).toBe(400); // 24/7 is a level-4 item
    expect((await put('dvc', 'tcvn14423.monitoring.siem', { status: 'met' }, itA)).status).toBe(200);
  });
});
