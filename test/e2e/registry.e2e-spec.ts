import { readCsv } from '@soc/agencies';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

interface Agency {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
  irContacts: Array<Record<string, string>>;
  securityUnit: { name: string; decisionRef?: string; contacts: Array<Record<string, string>> } | null;
}
interface System {
  id: string;
  agencyId: string;
  name: string;
  securityLevel: number | null;
  owner: string | null;
  dataSubjects: number | null;
  informationTypes: string[];
  dossier: { status: string; proposedLevel: number | null; submittedOn: string | null; decisionNumber: string | null; decisionDate: string | null; approver: string | null };
}
interface Review {
  id: string;
  trigger: string;
  reason: string;
  status: string;
}
interface ErrorBody {
  message: string;
}

const PASSWORD = 'Hồ-Dầu-Tiếng-mùa-nước-nổi';
const sshd = (host: string) => `Nov 30 16:40:00 ${host} sshd[7]: Failed password for root from 203.0.113.50 port 4000 ssh2`;

/** Issue 7 §1–2: agencies in their hierarchy, the systems register, the level dossier, re-determination and CSV. */
describe('registry: agencies and information systems (real PostgreSQL)', () => {
  let db: TestDatabase;
  let soc: TestApp;
  let admin: string;
  let itYte: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    soc = await startTestApp(db.url);
    admin = await soc.adminToken();
  });
  afterAll(async () => {
    await soc?.close();
    await db?.drop();
  });

  const call = (path: string, method: string, body?: unknown, token = admin) => soc.call(path, { method, token, body });
  const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
  const csv = (path: string, text: string, token = admin) => soc.call(path, { method: 'POST', token, body: text, contentType: 'text/csv' });
  const system = async (id: string, token = admin) => json<System>(await soc.call(`/api/v1/systems/${id}`, { token }));
  const dossier = (id: string, body: Record<string, unknown>) => call(`/api/v1/systems/${id}/dossier`, 'POST', body);
  const reviews = async (id: string, token = admin) => json<Review[]>(await soc.call(`/api/v1/systems/${id}/reviews`, { token }));
  /** The body exactly as sent: `Response.text()` would drop the BOM this asserts on. */
  const bodyText = async (res: Response) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  const auditOf = (action: string) => db.query<{ actor: string; target: string; details: Record<string, unknown> }>('SELECT actor, target, details FROM audit_log WHERE action = $1 ORDER BY seq', [action]);

  describe('agencies in their hierarchy', () => {
    it('builds province → department / district → commune and shows parent and kind', async () => {
      const tree: Array<[string, string, string, string | null]> = [
        ['ubnd-tinh', 'Ủy ban nhân dân tỉnh', 'province', null],
        ['so-yte', 'Sở Y tế', 'department', 'ubnd-tinh'],
        ['so-tttt', 'Sở Thông tin và Truyền thông', 'department', 'ubnd-tinh'],
        ['huyen-a', 'UBND huyện Ân Thi', 'district', 'ubnd-tinh'],
        ['xa-a', 'UBND xã Đặng Lễ', 'commune', 'huyen-a'],
      ];
      for (const [id, name, kind, parentId] of tree) {
        const res = await call('/api/v1/agencies', 'POST', { id, name, kind, ...(parentId ? { parentId } : {}) });
        expect(res.status).toBe(201);
      }
      expect(await json(await soc.call('/api/v1/agencies/xa-a', { token: admin }))).toMatchObject({ id: 'xa-a', name: 'UBND xã Đặng Lễ', kind: 'commune', parentId: 'huyen-a', irContacts: [], securityUnit: null });
      const all = await json<Agency[]>(await soc.call('/api/v1/agencies', { token: admin }));
      expect(all.find((a) => a.id === 'so-yte')).toMatchObject({ kind: 'department', parentId: 'ubnd-tinh' });
    });

    it('refuses a parent that would form a cycle, an unknown parent and a bad kind with a clear 400', async () => {
      const cycle = await call('/api/v1/agencies/ubnd-tinh', 'PATCH', { parentId: 'xa-a' });
      expect(cycle.status).toBe(400);
      expect((await json<ErrorBody>(cycle)).message).toContain('ubnd-tinh → xa-a → huyen-a → ubnd-tinh');
      expect((await call('/api/v1/agencies/huyen-a', 'PATCH', { parentId: 'huyen-a' })).status).toBe(400);
      const unknown = await call('/api/v1/agencies/so-yte', 'PATCH', { parentId: 'no-such' });
      expect(unknown.status).toBe(400);
      expect((await json<ErrorBody>(unknown)).message).toContain('no agency no-such');
      expect((await call('/api/v1/agencies', 'POST', { id: 'so-x', name: 'Sở X', parentId: 'no-such' })).status).toBe(400);
      expect((await call('/api/v1/agencies', 'POST', { id: 'so-x', name: 'Sở X', kind: 'ministry' })).status).toBe(400);
      expect((await call('/api/v1/agencies/no-such', 'PATCH', { name: 'x' })).status).toBe(404);
      // Nothing of the refused changes was written.
      expect(await json(await soc.call('/api/v1/agencies/ubnd-tinh', { token: admin }))).toMatchObject({ parentId: null });
      expect((await soc.call('/api/v1/agencies/so-x', { token: admin })).status).toBe(404);
    });

    it('moves an agency within the tree and clears a parent', async () => {
      expect(await json(await call('/api/v1/agencies/xa-a', 'PATCH', { parentId: 'so-tttt' }))).toMatchObject({ parentId: 'so-tttt' });
      expect(await json(await call('/api/v1/agencies/xa-a', 'PATCH', { parentId: 'huyen-a' }))).toMatchObject({ parentId: 'huyen-a' });
      expect(await json(await call('/api/v1/agencies/so-tttt', 'PATCH', { parentId: null }))).toMatchObject({ parentId: null });
      expect(await json(await call('/api/v1/agencies/so-tttt', 'PATCH', { parentId: 'ubnd-tinh' }))).toMatchObject({ parentId: 'ubnd-tinh' });
    });

    it('validates incident-response contacts and the layer-1 security unit', async () => {
      const bad: unknown[] = [
        { irContacts: [{ name: 'Nguyễn Văn An' }] }, // no way to reach them
        { irContacts: [{ name: 'An', email: 'not-an-email' }] },
        { irContacts: [{ name: 'An', phone: 'call me' }] },
        { irContacts: [{ name: '', phone: '0912345678' }] },
        { irContacts: [{ name: 'An', phone: '0912345678', fax: '1' }] },
        { irContacts: 'An, 0912345678' },
        { securityUnit: { contacts: [] } },
        { securityUnit: { name: 'Phòng ATTT', contacts: [{ name: 'Bình' }] } },
      ];
      for (const body of bad) expect(`${JSON.stringify(body)}: ${(await call('/api/v1/agencies/so-yte', 'PATCH', body)).status}`).toBe(`${JSON.stringify(body)}: 400`);
      const missing = await call('/api/v1/agencies/so-yte', 'PATCH', { irContacts: [{ name: 'An' }] });
      expect((await json<ErrorBody>(missing)).message).toEqual(expect.arrayContaining([expect.stringContaining('phone or email is required')]));

      const contacts = [
        { name: 'Nguyễn Văn An', position: 'Phó Giám đốc Sở', phone: '+84 912 345 678', email: 'an.nv@syt.tinh.gov.vn' },
        { name: 'Trần Thị Bích', email: 'bich.tt@syt.tinh.gov.vn' },
      ];
      const securityUnit = { name: 'Phòng Công nghệ thông tin – Sở Y tế', decisionRef: 'QĐ 45/QĐ-SYT ngày 02/01/2025', contacts: [{ name: 'Lê Văn Cường', phone: '0226 3862 123' }] };
      const patched = await call('/api/v1/agencies/so-yte', 'PATCH', { irContacts: contacts, securityUnit });
      expect(patched.status).toBe(200);
      expect(await json(await soc.call('/api/v1/agencies/so-yte', { token: admin }))).toMatchObject({ irContacts: contacts, securityUnit });
      const [audit] = (await auditOf('agencies.update')).filter((a) => a.target === 'agency:so-yte');
      expect(audit).toMatchObject({ actor: 'user:admin', details: { irContacts: contacts, securityUnit } });
    });

    it("shows agency IT staff only their own agencies, and lets them change nothing", async () => {
      const user = { username: 'it.yte', displayName: 'Cán bộ CNTT Sở Y tế', password: PASSWORD, roles: ['agency_it'], agencyIds: ['so-yte'] };
      expect((await call('/api/v1/users', 'POST', user)).status).toBe(201);
      itYte = await soc.login('it.yte', PASSWORD);
      expect((await json<Agency[]>(await soc.call('/api/v1/agencies', { token: itYte }))).map((a) => a.id)).toEqual(['so-yte']);
      expect((await soc.call('/api/v1/agencies/so-yte', { token: itYte })).status).toBe(200);
      expect((await soc.call('/api/v1/agencies/ubnd-tinh', { token: itYte })).status).toBe(404);
      expect((await call('/api/v1/agencies/so-yte', 'PATCH', { name: 'x' }, itYte)).status).toBe(403);
    });
  });

  describe('information systems', () => {
    const FULL = {
      id: 'dvc',
      agencyId: 'so-tttt',
      name: 'Cổng dịch vụ công trực tuyến tỉnh',
      owner: 'Ủy ban nhân dân tỉnh',
      operator: 'Trung tâm Chuyển đổi số – Sở TT&TT',
      securityUnit: 'Phòng Bưu chính, Viễn thông và An toàn thông tin',
      systemType: 'public_service',
      informationTypes: ['public', 'personal'],
      dataSubjects: 150000,
      sensitivePersonalData: false,
      publicServiceLevel: 4,
      operates24x7: true,
      goLive: '2021-07-01',
      nationallyImportant: false,
      nationalConnected: true,
      nationalConnectedOn: '2022-03-15',
      regulationStatus: 'draft',
      regimeId: 'nd85-2016',
    };

    it('round-trips every field, Vietnamese text included, and starts with a draft dossier', async () => {
      const created = await call('/api/v1/systems', 'POST', FULL);
      expect(created.status).toBe(201);
      const expected = { ...FULL, securityLevel: null, dossier: { status: 'draft', proposedLevel: null, submittedOn: null, decisionNumber: null, decisionDate: null, approver: null } };
      expect(await json(created)).toMatchObject(expected);
      expect(await system('dvc')).toMatchObject(expected);
      expect((await json<System[]>(await soc.call('/api/v1/systems', { token: admin }))).find((s) => s.id === 'dvc')).toMatchObject(expected);
      // Lists are kept in one order, so a reordering is no change.
      expect(await json(await call('/api/v1/systems/dvc', 'PATCH', { informationTypes: ['personal', 'public'], owner: null, dataSubjects: 160000 }))).toMatchObject({
        informationTypes: ['public', 'personal'],
        owner: null,
        dataSubjects: 160000,
      });
      expect((await call('/api/v1/systems/dvc/assets', 'POST', { value: '10.1.0.0/16' })).status).toBe(201);
    });

    it('refuses bad values with 400', async () => {
      const bad: unknown[] = [
        { regimeId: 'nd99-2030' },
        { informationTypes: ['top_secret'] },
        { informationTypes: ['public', 'public'] },
        { publicServiceLevel: 5 },
        { goLive: '2024-02-30' },
        { goLive: '01/07/2021' },
        { systemType: 'spaceship' },
        { dataSubjects: -1 },
        { operates24x7: null },
        { regulationStatus: 'maybe' },
        { dossier: { status: 'approved' } },
      ];
      for (const body of bad) expect(`${JSON.stringify(body)}: ${(await call('/api/v1/systems/dvc', 'PATCH', body)).status}`).toBe(`${JSON.stringify(body)}: 400`);
    });
  });

  describe('security-level dossier', () => {
    it('refuses moves out of order (409, naming the allowed ones) and missing inputs (400)', async () => {
      const early = await dossier('dvc', { action: 'approve', decisionNumber: '1', decisionDate: '2025-01-01', approver: 'x' });
      expect(early.status).toBe(409);
      expect((await json<ErrorBody>(early)).message).toContain('allowed: submit');
      expect((await dossier('dvc', { action: 'submit' })).status).toBe(400);
      expect((await dossier('dvc', { action: 'submit', proposedLevel: 6 })).status).toBe(400);
      expect((await dossier('dvc', { action: 'launch' })).status).toBe(400);
      expect((await dossier('nope', { action: 'submit', proposedLevel: 3 })).status).toBe(404);
    });

    it('refuses approval until the Quy chế is issued, then approves and sets the level enrichment stamps on new events', async () => {
      const submitted = await json<System>(await dossier('dvc', { action: 'submit', proposedLevel: 3 }));
      expect(submitted.dossier).toMatchObject({ status: 'submitted', proposedLevel: 3, submittedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      expect(submitted.securityLevel).toBeNull();
      expect(await json(await dossier('dvc', { action: 'appraise' }))).toMatchObject({ dossier: { status: 'appraised' } });
      const decision = { action: 'approve', decisionNumber: '1234/QĐ-UBND', decisionDate: '2025-06-30', approver: 'Chủ tịch UBND tỉnh' };
      expect((await dossier('dvc', { action: 'approve', decisionNumber: '1234/QĐ-UBND' })).status).toBe(400);
      const refused = await dossier('dvc', decision);
      expect(refused.status).toBe(409);
      expect((await json<ErrorBody>(refused)).message).toContain('Quy chế');
      expect((await system('dvc')).securityLevel).toBeNull();

      // Before the approval: the system is known, its level is not.
      await soc.ingest([sshd('10.1.4.4')]);
      await call('/api/v1/systems/dvc', 'PATCH', { regulationStatus: 'issued' });
      const approved = await dossier('dvc', decision);
      expect(approved.status).toBe(200);
      expect(await json(approved)).toMatchObject({ securityLevel: 3, dossier: { status: 'approved', proposedLevel: 3, decisionNumber: '1234/QĐ-UBND', decisionDate: '2025-06-30', approver: 'Chủ tịch UBND tỉnh' } });
      await soc.ingest([sshd('10.1.4.5')]);
      const events = await json<{ items: Array<{ hostName: string; securityLevel: number | null }> }>(await soc.call('/api/v1/events?systemId=dvc', { token: admin }));
      expect(events.items.map((e) => [e.hostName, e.securityLevel]).sort()).toEqual([
        ['10.1.4.4', null],
        ['10.1.4.5', 3],
      ]);
    });

    it('returns with a reason, reopens for re-determination, and audits every step with level, decision and actor', async () => {
      expect((await dossier('dvc', { action: 'return', reason: 'x' })).status).toBe(409);
      expect(await json(await dossier('dvc', { action: 'reopen', reason: 'Nâng cấp hạ tầng' }))).toMatchObject({ securityLevel: 3, dossier: { status: 'draft' } });
      await dossier('dvc', { action: 'submit', proposedLevel: 4 });
      expect((await dossier('dvc', { action: 'return' })).status).toBe(400);
      expect(await json(await dossier('dvc', { action: 'return', reason: 'Thiếu phương án bảo đảm ATTT' }))).toMatchObject({ securityLevel: 3, dossier: { status: 'returned' } });
      expect((await dossier('dvc', { action: 'submit', proposedLevel: 4 })).status).toBe(409);

      const approvals = await auditOf('systems.dossier.approve');
      expect(approvals).toEqual([
        {
          actor: 'user:admin',
          target: 'system:dvc',
          details: expect.objectContaining({ from: 'appraised', to: 'approved', securityLevel: 3, previousSecurityLevel: null, decisionNumber: '1234/QĐ-UBND', decisionDate: '2025-06-30', approver: 'Chủ tịch UBND tỉnh' }),
        },
      ]);
      expect(await auditOf('systems.dossier.return')).toEqual([expect.objectContaining({ details: expect.objectContaining({ from: 'submitted', to: 'returned', reason: 'Thiếu phương án bảo đảm ATTT' }) })]);
      const steps = await db.query<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'systems.dossier.%' ORDER BY seq");
      expect(steps.map((s) => s.action.replace('systems.dossier.', ''))).toEqual(['submit', 'appraise', 'approve', 'reopen', 'submit', 'return']);

      // Back to approved at level 4 for what follows.
      await dossier('dvc', { action: 'reopen' });
      await dossier('dvc', { action: 'submit', proposedLevel: 4 });
      await dossier('dvc', { action: 'appraise' });
      expect(await json(await dossier('dvc', { action: 'approve', decisionNumber: '88/QĐ-UBND', decisionDate: '2025-09-01', approver: 'Chủ tịch UBND tỉnh' }))).toMatchObject({ securityLevel: 4 });
    });
  });

  describe('re-determination reviews', () => {
    it('opens one review on a relevant change of an approved system, none on a rename', async () => {
      await call('/api/v1/systems/dvc', 'PATCH', { name: 'Cổng DVC tỉnh (mới)', goLive: '2021-08-01' });
      expect(await reviews('dvc')).toEqual([]);
      await call('/api/v1/systems/dvc', 'PATCH', { operates24x7: true, dataSubjects: 160000 }); // unchanged values
      expect(await reviews('dvc')).toEqual([]);

      await call('/api/v1/systems/dvc', 'PATCH', { dataSubjects: 400000, sensitivePersonalData: true });
      await call('/api/v1/systems/dvc', 'PATCH', { systemType: 'infrastructure' });
      const [review, ...others] = await reviews('dvc');
      expect(others).toEqual([]);
      expect(review).toMatchObject({ trigger: 'change', status: 'open' });
      expect(review!.reason).toContain('số chủ thể dữ liệu, dữ liệu cá nhân nhạy cảm');
      expect(review!.reason).toContain('data subjects, sensitive personal data');
      expect(await auditOf('systems.review.open')).toEqual([expect.objectContaining({ details: expect.objectContaining({ reviewId: review!.id, fields: ['dataSubjects', 'sensitivePersonalData'] }) })]);
    });

    it('closes a review once, and a later change opens a new one', async () => {
      const [review] = await reviews('dvc');
      const closed = await call(`/api/v1/systems/dvc/reviews/${review!.id}/close`, 'POST', { note: 'Đã xác định lại, giữ cấp độ 4' });
      expect(closed.status).toBe(200);
      expect(await json(closed)).toMatchObject({ id: review!.id, status: 'done', closedAt: expect.any(String) });
      expect((await call(`/api/v1/systems/dvc/reviews/${review!.id}/close`, 'POST', {})).status).toBe(409);
      expect((await call('/api/v1/systems/dvc/reviews/not-a-uuid/close', 'POST', {})).status).toBe(400);
      expect((await call('/api/v1/systems/dvc/reviews/00000000-0000-4000-8000-000000000000/close', 'POST', {})).status).toBe(404);
      await call('/api/v1/systems/dvc', 'PATCH', { informationTypes: ['public', 'personal', 'state_secret'] });
      expect((await reviews('dvc')).map((r) => r.status)).toEqual(['open', 'done']);
    });

    it('shows reviews to agency IT staff for their own systems only', async () => {
      expect((await call('/api/v1/systems', 'POST', { id: 'his', agencyId: 'so-yte', name: 'Phần mềm quản lý bệnh viện' })).status).toBe(201);
      expect((await soc.call('/api/v1/systems/his/reviews', { token: itYte })).status).toBe(200);
      expect((await soc.call('/api/v1/systems/dvc/reviews', { token: itYte })).status).toBe(404);
    });
  });

  describe('CSV import and export', () => {
    const exportSystems = async (token = admin) => {
      const res = await soc.call('/api/v1/systems/export.csv', { token });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      return bodyText(res);
    };

    it('exports systems Excel-friendly: BOM, CRLF, Vietnamese names, assets joined by ;', async () => {
      await call('/api/v1/systems/dvc/assets', 'POST', { value: 'https://dichvucong.tinh.gov.vn' });
      const text = await exportSystems();
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(text).toContain('\r\n');
      const [header, ...rows] = readCsv(text).records.map((r) => r.cells);
      const at = (row: string[], column: string) => row[header!.indexOf(column)];
      const dvc = rows.find((row) => row[0] === 'dvc')!;
      expect([at(dvc, 'name'), at(dvc, 'security_level'), at(dvc, 'dossier_status'), at(dvc, 'assets')]).toEqual(['Cổng DVC tỉnh (mới)', '4', 'approved', 'dichvucong.tinh.gov.vn;10.1.0.0/16']);
    });

    it('re-imports an edited export: the change shows, new rows are created, assets replaced', async () => {
      const { records } = readCsv(await exportSystems());
      const header = records[0]!.cells;
      const col = (name: string) => header.indexOf(name);
      const rows = records.slice(1).map((r) => [...r.cells]);
      const his = rows.find((row) => row[0] === 'his')!;
      his[col('owner')] = 'Sở Y tế tỉnh';
      his[col('operates_24x7')] = 'có';
      his[col('assets')] = 'his-web01;10.9.0.0/24';
      const fresh = header.map((name) => ({ id: 'emr', agency_id: 'so-yte', name: 'Bệnh án điện tử, "EMR"', system_type: 'internal', information_types: 'personal', regulation_status: 'none', regime_id: 'nd331-2026' })[name] ?? '');
      const body = [header, ...rows, fresh].map((row) => row.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\r\n');

      const res = await csv('/api/v1/systems/import', body);
      expect(res.status).toBe(200);
      expect(await json(res)).toEqual({ created: 1, updated: 1, unchanged: 1 });
      expect(await system('his')).toMatchObject({ owner: 'Sở Y tế tỉnh', operates24x7: true });
      expect(await system('emr')).toMatchObject({ agencyId: 'so-yte', name: 'Bệnh án điện tử, "EMR"', informationTypes: ['personal'], regimeId: 'nd331-2026', dossier: { status: 'draft' } });
      const assets = await json<Array<{ value: string }>>(await soc.call('/api/v1/systems/his/assets', { token: admin }));
      expect(assets.map((a) => a.value).sort()).toEqual(['10.9.0.0/24', 'his-web01']);
      // The exported dvc row came back unchanged: its approved level, dossier and assets stand.
      expect(await system('dvc')).toMatchObject({ securityLevel: 4, dossier: { status: 'approved' } });
      const audits = await db.query<{ action: string; target: string }>("SELECT action, target FROM audit_log WHERE details->>'via' = 'csv-import' ORDER BY seq");
      expect(audits.map((a) => `${a.action} ${a.target}`)).toEqual(['systems.update system:his', 'assets.replace system:his', 'systems.create system:emr']);
    });

    it('refuses a file with bad rows, naming each with its line, and writes nothing', async () => {
      const body = [
        'id,agency_id,name,owner,public_service_level,security_level,assets',
        'his,,Phần mềm quản lý bệnh viện,Đổi chủ quản,,,his-web01', // fine on its own
        'dvc,,Cổng DVC tỉnh (mới),,9,4,10.1.0.0/16', // level 9
        'emr,,Bệnh án điện tử,,,3,', // approved level set by hand
        'new-one,no-agency,Hệ thống mới,,,,', // unknown agency
        'ghost,,Không có cơ quan,,,,', // new system without an agency
        'his2,so-yte,HIS 2,,,,10.1.0.0/16', // an asset dvc owns
        '"unterminated,so-yte,x,,,,',
      ].join('\r\n');
      const res = await csv('/api/v1/systems/import', body);
      expect(res.status).toBe(400);
      const { message } = await json<ErrorBody>(res);
      for (const line of [3, 4, 5, 6, 7, 8]) expect(message).toContain(`line ${line}:`);
      expect(message).not.toContain('line 2:');
      expect(message).toContain('publicServiceLevel');
      expect(message).toContain('security_level changes only through the dossier');
      expect(message).toContain('no agency no-agency');
      expect(message).toContain('10.1.0.0/16 already belongs to information system dvc');
      expect(message).toContain('unterminated quoted field');
      expect(await system('his')).toMatchObject({ owner: 'Sở Y tế tỉnh' });
      expect((await soc.call('/api/v1/systems/his2', { token: admin })).status).toBe(404);
    });

    it('lets an import move an asset between systems of the same file', async () => {
      const body = 'id,assets\r\nhis,his-web01\r\nemr,10.9.0.0/24\r\n';
      expect(await json(await csv('/api/v1/systems/import', body))).toEqual({ created: 0, updated: 2, unchanged: 0 });
      const emrAssets = await json<Array<{ value: string }>>(await soc.call('/api/v1/systems/emr/assets', { token: admin }));
      expect(emrAssets.map((a) => a.value)).toEqual(['10.9.0.0/24']);
    });

    it("exports only an agency IT user's own systems, and never lets them import", async () => {
      const rows = readCsv(await exportSystems(itYte)).records.slice(1).map((r) => r.cells[0]);
      expect(rows.sort()).toEqual(['emr', 'his']);
      expect((await csv('/api/v1/systems/import', 'id,owner\r\nhis,x\r\n', itYte)).status).toBe(403);
      expect((await soc.call('/api/v1/agencies/export.csv', { token: itYte })).status).toBe(403);
    });

    it('answers 415 to an import that is not text/csv', async () => {
      expect((await call('/api/v1/systems/import', 'POST', { id: 'x' })).status).toBe(415);
    });

    it('round-trips agencies through CSV: contacts kept, parents anywhere in the file, cycles refused by line', async () => {
      const res = await soc.call('/api/v1/agencies/export.csv', { token: admin });
      const text = await bodyText(res);
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const { records } = readCsv(text);
      expect(records[0]!.cells).toEqual(['id', 'name', 'kind', 'parent_id', 'ir_contacts', 'security_unit']);
      const yte = records.find((r) => r.cells[0] === 'so-yte')!.cells;
      expect(JSON.parse(yte[4]!)).toEqual([expect.objectContaining({ name: 'Nguyễn Văn An', phone: '+84 912 345 678' }), expect.objectContaining({ name: 'Trần Thị Bích' })]);

      // Re-importing the export unchanged changes nothing.
      expect(await json(await csv('/api/v1/agencies/import', text))).toEqual({ created: 0, updated: 0, unchanged: records.length - 1 });

      // A commune whose district comes later in the file, and a renamed department.
      const edit = 'id,name,kind,parent_id\r\nxa-b,UBND xã Bãi Sậy,commune,huyen-b\r\nhuyen-b,UBND huyện Khoái Châu,district,ubnd-tinh\r\nso-yte,Sở Y tế tỉnh,department,ubnd-tinh\r\n';
      const imported = await csv('/api/v1/agencies/import', edit);
      expect(imported.status).toBe(200);
      expect(await json(imported)).toEqual({ created: 2, updated: 1, unchanged: 0 });
      expect(await json(await soc.call('/api/v1/agencies/xa-b', { token: admin }))).toMatchObject({ parentId: 'huyen-b', kind: 'commune' });
      expect(await json(await soc.call('/api/v1/agencies/so-yte', { token: admin }))).toMatchObject({ name: 'Sở Y tế tỉnh', irContacts: [expect.anything(), expect.anything()] });

      const bad = 'id,name,parent_id,ir_contacts\r\nhuyen-b,UBND huyện Khoái Châu,xa-b,\r\nso-moi,Sở Mới,no-such,\r\nso-yte,Sở Y tế tỉnh,ubnd-tinh,"[{""name"":""An""}]"\r\nso-khcn,,ubnd-tinh,\r\n';
      const refused = await csv('/api/v1/agencies/import', bad);
      expect(refused.status).toBe(400);
      const { message } = await json<ErrorBody>(refused);
      expect(message).toContain('line 2: parentId: xa-b is below huyen-b');
      expect(message).toContain('line 3: parentId: no agency no-such');
      expect(message).toContain('line 4: irContacts.0.phone');
      expect(message).toContain('line 5:');
      expect(await json(await soc.call('/api/v1/agencies/huyen-b', { token: admin }))).toMatchObject({ parentId: 'ubnd-tinh' });
      expect((await soc.call('/api/v1/agencies/so-moi', { token: admin })).status).toBe(404);
    });
  });
});
