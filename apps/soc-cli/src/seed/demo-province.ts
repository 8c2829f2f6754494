/**
 * A plausible, fictional province for demos and tests: Tỉnh Sơn Hà, its departments, districts and communes,
 * 30 information systems of mixed levels, their assets, log sources, monitoring, assessments and requirement
 * work. Every figure is fixed here, so KPIs and reports computed from it can be checked by hand (see
 * test/e2e/demo-seed.e2e-spec.ts). Addresses are documentation ranges; names are invented.
 */
export interface DemoAgency {
  id: string;
  name: string;
  kind: 'province' | 'department' | 'district' | 'commune';
  parentId?: string;
  /** Layer 1: the designated on-site security unit (absent: layer 1 missing). */
  securityUnit?: string;
  /** Layer 2: who monitors its systems (absent: nobody). `validTo` in the past: the contract has lapsed. */
  monitoring?: { provider: string; kind: 'own' | 'contracted'; validTo?: string };
}

export type Implementation = 'full' | 'partial' | 'none';

export interface DemoSystem {
  id: string;
  agencyId: string;
  name: string;
  /** Approved level; null: the dossier is not approved yet (then `proposedLevel` is submitted). */
  level: 1 | 2 | 3 | 4 | null;
  proposedLevel?: 2 | 3;
  systemType: 'internal' | 'public_service' | 'infrastructure';
  informationTypes: Array<'public' | 'private' | 'personal'>;
  dataSubjects?: number;
  sensitivePersonalData?: boolean;
  publicServiceLevel?: number;
  operates24x7?: boolean;
  /** Requirement statuses recorded: all met, a few met or partial, or none yet. */
  implementation: Implementation;
  /** Independent assessments (level 3+), newest last; openFindings on the latest. */
  assessments?: string[];
  openFindings?: number;
  nationalConnected: boolean;
  host: string;
  network: string;
}

export const DEMO_PROVINCE = { name: 'Tỉnh Sơn Hà', domain: 'sonha.gov.vn' };
export const PROVINCE_SOC = 'Trung tâm Giám sát an toàn thông tin tỉnh (Công an tỉnh)';
const SOC = { provider: PROVINCE_SOC, kind: 'own' as const };

export const DEMO_AGENCIES: readonly DemoAgency[] = [
  { id: 'ubnd-tinh', name: 'UBND tỉnh Sơn Hà', kind: 'province', securityUnit: 'Văn phòng UBND tỉnh — Tổ ATTT', monitoring: SOC },
  { id: 'ca-tinh', name: 'Công an tỉnh Sơn Hà', kind: 'department', parentId: 'ubnd-tinh', securityUnit: 'Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao', monitoring: SOC },
  { id: 'vp-ubnd', name: 'Văn phòng UBND tỉnh', kind: 'department', parentId: 'ubnd-tinh', securityUnit: 'Trung tâm Thông tin — Công báo', monitoring: SOC },
  { id: 'so-tc', name: 'Sở Tài chính', kind: 'department', parentId: 'ubnd-tinh', securityUnit: 'Phòng Tin học thống kê', monitoring: SOC },
  { id: 'so-yt', name: 'Sở Y tế', kind: 'department', parentId: 'ubnd-tinh', securityUnit: 'Phòng Nghiệp vụ Y — Tổ CNTT', monitoring: SOC },
  { id: 'so-gddt', name: 'Sở Giáo dục và Đào tạo', kind: 'department', parentId: 'ubnd-tinh', securityUnit: 'Phòng Khảo thí và Quản lý chất lượng', monitoring: SOC },
  { id: 'so-nv', name: 'Sở Nội vụ', kind: 'department', parentId: 'ubnd-tinh', securityUnit: 'Văn phòng Sở — Bộ phận CNTT', monitoring: SOC },
  { id: 'so-khcn', name: 'Sở Khoa học và Công nghệ', kind: 'department', parentId: 'ubnd-tinh', securityUnit: 'Trung tâm Chuyển đổi số tỉnh' },
  {
    id: 'so-nnmt',
    name: 'Sở Nông nghiệp và Môi trường',
    kind: 'department',
    parentId: 'ubnd-tinh',
    securityUnit: 'Văn phòng Sở — Tổ CNTT',
    monitoring: { provider: 'Công ty CP An ninh mạng Sao Việt', kind: 'contracted', validTo: '2026-10-31' },
  },
  { id: 'h-dongson', name: 'UBND huyện Đông Sơn', kind: 'district', parentId: 'ubnd-tinh', securityUnit: 'Văn phòng HĐND–UBND huyện', monitoring: SOC },
  { id: 'tx-bacha', name: 'UBND thị xã Bắc Hà', kind: 'district', parentId: 'ubnd-tinh', securityUnit: 'Phòng Văn hóa — Thông tin', monitoring: SOC },
  { id: 'x-dongphu', name: 'UBND xã Đông Phú', kind: 'commune', parentId: 'h-dongson', monitoring: SOC },
  { id: 'p-bacha', name: 'UBND phường Bắc Hà', kind: 'commune', parentId: 'tx-bacha' },
];

const sys = (s: Omit<DemoSystem, 'host' | 'network'>, n: number): DemoSystem => ({ ...s, host: `${s.id}.${DEMO_PROVINCE.domain}`, network: `10.${10 + n}.0.0/24` });

const IN_CYCLE = ['2026-03-16'];
const OLD = ['2025-05-20'];

export const DEMO_SYSTEMS: readonly DemoSystem[] = [
  // Level 4: province-wide, 24/7.
  sys({ id: 'dvc-tinh', agencyId: 'vp-ubnd', name: 'Cổng Dịch vụ công và Hệ thống thông tin giải quyết TTHC tỉnh', level: 4, systemType: 'public_service', informationTypes: ['public', 'personal'], dataSubjects: 900_000, publicServiceLevel: 4, operates24x7: true, implementation: 'partial', assessments: ['2025-04-10', '2026-04-02'], nationalConnected: true }, 0),
  sys({ id: 'lgsp', agencyId: 'ubnd-tinh', name: 'Nền tảng tích hợp, chia sẻ dữ liệu (LGSP)', level: 4, systemType: 'infrastructure', informationTypes: ['public', 'private', 'personal'], operates24x7: true, implementation: 'partial', assessments: IN_CYCLE, nationalConnected: true }, 1),
  sys({ id: 'his-bvdk', agencyId: 'so-yt', name: 'Phần mềm quản lý bệnh viện — Bệnh viện Đa khoa tỉnh', level: 4, systemType: 'public_service', informationTypes: ['personal'], dataSubjects: 450_000, operates24x7: true, implementation: 'partial', assessments: IN_CYCLE, openFindings: 3, nationalConnected: true }, 2),
  // Level 3.
  sys({ id: 'wan-tinh', agencyId: 'ubnd-tinh', name: 'Mạng diện rộng (WAN) tỉnh', level: 3, systemType: 'infrastructure', informationTypes: ['private'], implementation: 'full', assessments: IN_CYCLE, nationalConnected: true }, 3),
  sys({ id: 'qlvb', agencyId: 'vp-ubnd', name: 'Hệ thống quản lý văn bản và điều hành', level: 3, systemType: 'internal', informationTypes: ['private'], implementation: 'partial', assessments: IN_CYCLE, nationalConnected: true }, 4),
  sys({ id: 'email-tinh', agencyId: 'vp-ubnd', name: 'Thư điện tử công vụ tỉnh', level: 3, systemType: 'infrastructure', informationTypes: ['private', 'personal'], implementation: 'partial', assessments: IN_CYCLE, nationalConnected: true }, 5),
  sys({ id: 'ktns', agencyId: 'so-tc', name: 'Quản lý ngân sách và kế toán', level: 3, systemType: 'internal', informationTypes: ['private'], implementation: 'none', assessments: IN_CYCLE, nationalConnected: true }, 6),
  sys({ id: 'ho-so-sk', agencyId: 'so-yt', name: 'Hồ sơ sức khỏe điện tử', level: 3, systemType: 'public_service', informationTypes: ['personal'], dataSubjects: 120_000, sensitivePersonalData: true, implementation: 'none', assessments: OLD, nationalConnected: true }, 7),
  sys({ id: 'csdl-gd', agencyId: 'so-gddt', name: 'Cơ sở dữ liệu ngành giáo dục', level: 3, systemType: 'public_service', informationTypes: ['personal'], dataSubjects: 310_000, implementation: 'none', assessments: IN_CYCLE, nationalConnected: true }, 8),
  sys({ id: 'cbcc', agencyId: 'so-nv', name: 'Quản lý hồ sơ cán bộ, công chức', level: 3, systemType: 'internal', informationTypes: ['personal'], dataSubjects: 25_000, implementation: 'none', nationalConnected: false }, 9),
  sys({ id: 'dat-dai', agencyId: 'so-nnmt', name: 'Cơ sở dữ liệu đất đai', level: 3, systemType: 'public_service', informationTypes: ['public', 'personal'], dataSubjects: 600_000, publicServiceLevel: 4, implementation: 'none', assessments: IN_CYCLE, nationalConnected: true }, 10),
  sys({ id: 'iot-moitruong', agencyId: 'so-nnmt', name: 'Quan trắc môi trường tự động', level: 3, systemType: 'infrastructure', informationTypes: ['public'], implementation: 'none', assessments: OLD, nationalConnected: false }, 11),
  sys({ id: 'tttt-dh', agencyId: 'ca-tinh', name: 'Trung tâm giám sát, điều hành an ninh mạng (SOC) tỉnh', level: 3, systemType: 'infrastructure', informationTypes: ['private'], operates24x7: true, implementation: 'none', nationalConnected: true }, 12),
  // Level 2.
  sys({ id: 'cong-ttdt', agencyId: 'ubnd-tinh', name: 'Cổng thông tin điện tử tỉnh', level: 2, systemType: 'public_service', informationTypes: ['public'], publicServiceLevel: 2, implementation: 'full', nationalConnected: true }, 13),
  sys({ id: 'mot-cua-hds', agencyId: 'h-dongson', name: 'Một cửa điện tử huyện Đông Sơn', level: 2, systemType: 'public_service', informationTypes: ['public', 'personal'], dataSubjects: 8_000, publicServiceLevel: 2, implementation: 'full', nationalConnected: true }, 14),
  sys({ id: 'web-so-tc', agencyId: 'so-tc', name: 'Trang thông tin điện tử Sở Tài chính', level: 2, systemType: 'public_service', informationTypes: ['public'], publicServiceLevel: 1, implementation: 'partial', nationalConnected: true }, 15),
  sys({ id: 'web-so-yt', agencyId: 'so-yt', name: 'Trang thông tin điện tử Sở Y tế', level: 2, systemType: 'public_service', informationTypes: ['public'], publicServiceLevel: 1, implementation: 'partial', nationalConnected: false }, 16),
  sys({ id: 'tuyen-sinh', agencyId: 'so-gddt', name: 'Tuyển sinh trực tuyến', level: 2, systemType: 'public_service', informationTypes: ['personal'], dataSubjects: 9_500, publicServiceLevel: 2, implementation: 'none', nationalConnected: false }, 17),
  sys({ id: 'thi-dua', agencyId: 'so-nv', name: 'Quản lý thi đua khen thưởng', level: 2, systemType: 'internal', informationTypes: ['private'], implementation: 'none', nationalConnected: false }, 18),
  sys({ id: 'khcn-db', agencyId: 'so-khcn', name: 'Cơ sở dữ liệu khoa học và công nghệ', level: 2, systemType: 'internal', informationTypes: ['private'], implementation: 'none', nationalConnected: false }, 19),
  sys({ id: 'mot-cua-bh', agencyId: 'tx-bacha', name: 'Một cửa điện tử thị xã Bắc Hà', level: 2, systemType: 'public_service', informationTypes: ['public', 'personal'], dataSubjects: 6_000, publicServiceLevel: 2, implementation: 'none', nationalConnected: true }, 20),
  sys({ id: 'hop-truc-tuyen', agencyId: 'vp-ubnd', name: 'Hội nghị truyền hình trực tuyến', level: 2, systemType: 'infrastructure', informationTypes: ['private'], implementation: 'partial', nationalConnected: false }, 21),
  sys({ id: 'ca-web', agencyId: 'ca-tinh', name: 'Trang thông tin điện tử Công an tỉnh', level: 2, systemType: 'public_service', informationTypes: ['public'], publicServiceLevel: 1, implementation: 'none', nationalConnected: true }, 22),
  // Level 1.
  sys({ id: 'web-x-dongphu', agencyId: 'x-dongphu', name: 'Trang thông tin điện tử xã Đông Phú', level: 1, systemType: 'internal', informationTypes: ['public'], implementation: 'full', nationalConnected: false }, 23),
  sys({ id: 'web-p-bacha', agencyId: 'p-bacha', name: 'Trang thông tin điện tử phường Bắc Hà', level: 1, systemType: 'internal', informationTypes: ['public'], implementation: 'full', nationalConnected: false }, 24),
  sys({ id: 'thu-vien', agencyId: 'so-gddt', name: 'Thư viện số', level: 1, systemType: 'internal', informationTypes: ['public'], implementation: 'none', nationalConnected: false }, 25),
  sys({ id: 'noi-bo-khcn', agencyId: 'so-khcn', name: 'Mạng nội bộ Sở Khoa học và Công nghệ', level: 1, systemType: 'internal', informationTypes: ['public'], implementation: 'none', nationalConnected: false }, 26),
  // Dossiers not approved yet.
  sys({ id: 'camera-gt', agencyId: 'ca-tinh', name: 'Giám sát giao thông bằng camera', level: null, proposedLevel: 3, systemType: 'infrastructure', informationTypes: ['personal'], implementation: 'none', nationalConnected: false }, 27),
  sys({ id: 'bao-cao-kt', agencyId: 'so-tc', name: 'Báo cáo kinh tế — xã hội', level: null, proposedLevel: 2, systemType: 'internal', informationTypes: ['private'], implementation: 'none', nationalConnected: false }, 28),
  sys({ id: 'nong-thon-moi', agencyId: 'h-dongson', name: 'Theo dõi chương trình nông thôn mới', level: null, proposedLevel: 2, systemType: 'internal', informationTypes: ['public'], implementation: 'none', nationalConnected: false }, 29),
];

/** Systems attacked by the demo traffic: a brute force on a level-4 system (P1) and on a level-1 one (lower). */
export const DEMO_ATTACKS = [
  { systemId: 'his-bvdk', attacker: '203.0.113.66' },
  { systemId: 'web-x-dongphu', attacker: '198.51.100.77' },
] as const;

export const DEMO_USERS = [
  { username: 'phantich', displayName: 'Chuyên viên phân tích SOC', roles: ['soc_analyst'], agencyIds: [] },
  { username: 'ungcuu', displayName: 'Trưởng nhóm ứng cứu sự cố', roles: ['ir_lead'], agencyIds: [] },
  { username: 'cntt.soyt', displayName: 'Cán bộ CNTT Sở Y tế', roles: ['agency_it'], agencyIds: ['so-yt'] },
] as const;
