import { readCsv } from '@soc/agencies';
import { parseSystemsCsv, readOnlyChanges, SYSTEM_COLUMNS, systemsCsv } from '../src/csv/system-csv';
import type { SystemRecord } from '../src/system-profile';

const SYSTEM: SystemRecord = {
  id: 'dvc',
  agencyId: 'so-tttt',
  name: 'Cổng dịch vụ công "một cửa", tỉnh',
  securityLevel: 3,
  owner: 'UBND tỉnh',
  operator: 'Trung tâm Chuyển đổi số',
  securityUnit: null,
  systemType: 'public_service',
  informationTypes: ['public', 'personal'],
  dataSubjects: 120000,
  sensitivePersonalData: false,
  publicServiceLevel: 4,
  operates24x7: true,
  goLive: '2021-07-01',
  nationallyImportant: false,
  nationalConnected: true,
  nationalConnectedOn: '2022-03-15',
  regulationStatus: 'issued',
  regimeId: 'nd85-2016',
  dossier: { status: 'approved', proposedLevel: 3, submittedOn: '2024-01-02', decisionNumber: '12/QĐ-UBND', decisionDate: '2024-02-01', approver: 'Chủ tịch UBND tỉnh' },
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

describe('systems CSV', () => {
  const exported = systemsCsv([SYSTEM], new Map([['dvc', ['10.1.0.0/16', 'dichvucong.tinh.gov.vn']]]));

  it('exports one row per system with a BOM, CRLF, Vietnamese text and assets joined by ;', () => {
    expect(exported.startsWith('\uFEFFid,agency_id,name,')).toBe(true);
    const [header, row] = readCsv(exported).records;
    expect(header!.cells).toEqual([...SYSTEM_COLUMNS]);
    const cell = (column: string) => row!.cells[SYSTEM_COLUMNS.indexOf(column as (typeof SYSTEM_COLUMNS)[number])];
    expect([cell('name'), cell('information_types'), cell('operates_24x7'), cell('security_level'), cell('assets')]).toEqual([SYSTEM.name, 'public;personal', 'true', '3', '10.1.0.0/16;dichvucong.tinh.gov.vn']);
    expect(exported.endsWith('\r\n')).toBe(true);
  });

  it('reads its own export back as the same profile, with read-only cells unchanged', () => {
    const { rows, problems } = parseSystemsCsv(exported);
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ line: 2, id: 'dvc', agencyId: 'so-tttt', assets: ['10.1.0.0/16', 'dichvucong.tinh.gov.vn'] });
    const profileFields = Object.keys(rows[0]!.changes).filter((field) => (rows[0]!.changes as Record<string, unknown>)[field] !== undefined);
    expect(profileFields.sort()).toEqual(Object.keys(SYSTEM).filter((field) => !['id', 'agencyId', 'securityLevel', 'dossier', 'createdAt', 'updatedAt'].includes(field)).sort());
    expect(rows[0]!.changes).toMatchObject(Object.fromEntries(profileFields.map((field) => [field, SYSTEM[field as keyof SystemRecord]])));
    expect(readOnlyChanges(rows[0]!, SYSTEM)).toEqual([]);
    expect(readOnlyChanges(rows[0]!, { ...SYSTEM, securityLevel: 2 })).toEqual(['security_level']);
  });

  it('accepts Vietnamese yes/no and empty cells as null, leaves absent columns out', () => {
    const { rows, problems } = parseSystemsCsv('id,name,operates_24x7,data_subjects,owner\r\nhis,Bệnh viện,có,,\r\n');
    expect(problems).toEqual([]);
    expect(rows[0]!.changes).toMatchObject({ name: 'Bệnh viện', operates24x7: true, dataSubjects: null, owner: null });
    expect(rows[0]!.changes.systemType).toBeUndefined();
    expect(rows[0]!.assets).toBeUndefined();
  });

  it('reports every bad row with its line and the reasons', () => {
    const { rows, problems } = parseSystemsCsv(
      ['id,name,system_type,public_service_level,go_live,operates_24x7', 'ok,Được,internal,2,2024-01-31,false', 'Bad Id,x,internal,1,,', 'b,,spaceship,7,2024-02-30,maybe', 'ok,lặp,,,,'].join('\r\n'),
    );
    expect(rows.map((r) => r.id)).toEqual(['ok']);
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5]);
    expect(problems[0]!.reason).toContain("id 'Bad Id'");
    for (const field of ['name', 'systemType', 'publicServiceLevel', 'goLive', 'operates24x7']) expect(problems[1]!.reason).toContain(field);
    expect(problems[2]!.reason).toContain('already on line 2');
  });
});
