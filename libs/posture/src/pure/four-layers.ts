import { type Level, type Regime } from './regimes';

/** ok: in place; warning: in place with a problem to fix; missing: not in place. */
export type LayerStatus = 'ok' | 'warning' | 'missing';

export interface LayerVerdict {
  layer: 1 | 2 | 3 | 4;
  name: string;
  status: LayerStatus;
  /** Why, in Vietnamese (English in brackets where natural): every problem found, or what makes it ok. */
  reasons: string[];
}

export interface Contact {
  name: string;
  position?: string;
  phone?: string;
  email?: string;
}

export interface MonitoringService {
  provider: string;
  kind: 'own' | 'contracted';
  validFrom: string | null;
  validTo: string | null;
  /** Empty: every system of the agency. */
  systemIds: readonly string[];
}

export interface ReportingSource {
  sourceId: string;
  name: string | null;
  lastReceivedAt: string;
  /** Set while the source health monitor considers it silent. */
  silentSince: string | null;
}

export interface Assessment {
  assessor: string;
  assessedOn: string;
  openFindings: number;
}

/** Everything the four layers are judged on, for one system. */
export interface LayerFacts {
  systemId: string;
  level: Level | null;
  regime: Regime;
  securityUnit: { name: string; contacts: readonly Contact[] } | null;
  monitoring: readonly MonitoringService[];
  /** Sources that delivered this system's events recently (the window is the caller's). */
  sources: readonly ReportingSource[];
  assessments: readonly Assessment[];
  national: { connected: boolean; connectedOn: string | null };
  /** Whether an outbound connector to the national center is in use here (then its shares are checked). */
  connectorConfigured: boolean;
  /** Last successful share by the outbound national connector (null: none yet). */
  lastNationalShareAt: string | null;
  /** Today in the province's zone, YYYY-MM-DD. */
  today: string;
  now: Date;
}

export const LAYER_NAMES: Readonly<Record<1 | 2 | 3 | 4, string>> = {
  1: 'Lực lượng tại chỗ (on-site security unit)',
  2: 'Giám sát, bảo vệ chuyên nghiệp (professional monitoring)',
  3: 'Kiểm tra, đánh giá độc lập định kỳ (independent periodic assessment)',
  4: 'Kết nối hệ thống giám sát quốc gia (national monitoring center)',
};

/** A contract ending within this many days is flagged. */
const EXPIRY_NOTICE_DAYS = 30;
/** A national share older than this means the connector is not sharing. */
const SHARE_STALE_MS = 24 * 3_600_000;

/** The four-layer protection model (CT 14/CT-TTg 2019, CV 1552/BTTTT-CATTT 2020) for one system. */
export function judgeFourLayers(facts: LayerFacts): LayerVerdict[] {
  return [onSiteUnit(facts), monitoring(facts), assessment(facts), nationalConnection(facts)];
}

function verdict(layer: 1 | 2 | 3 | 4, status: LayerStatus, reasons: string[]): LayerVerdict {
  return { layer, name: LAYER_NAMES[layer], status, reasons };
}

function onSiteUnit({ securityUnit }: LayerFacts): LayerVerdict {
  if (!securityUnit?.name) return verdict(1, 'missing', ['Chưa có đơn vị chuyên trách ATTT được chỉ định (no designated security unit)']);
  const reachable = securityUnit.contacts.filter((c) => c.phone || c.email);
  if (reachable.length === 0) return verdict(1, 'warning', [`${securityUnit.name}: chưa có đầu mối liên hệ (no contact with phone or email)`]);
  return verdict(1, 'ok', [`${securityUnit.name}; ${reachable.length} đầu mối liên hệ`]);
}

function monitoring(facts: LayerFacts): LayerVerdict {
  const covering = facts.monitoring.filter((m) => m.systemIds.length === 0 || m.systemIds.includes(facts.systemId));
  const active = covering.filter((m) => (!m.validFrom || m.validFrom <= facts.today) && (!m.validTo || m.validTo >= facts.today));
  if (active.length === 0) {
    const expired = covering.filter((m) => m.validTo && m.validTo < facts.today);
    return verdict(2, 'missing', [
      expired.length > 0
        ? `Hợp đồng giám sát đã hết hạn: ${expired.map((m) => `${m.provider} (${m.validTo})`).join(', ')} (monitoring contract expired)`
        : 'Chưa có đơn vị giám sát (no own SOC or contracted monitoring provider covers this system)',
    ]);
  }
  const reasons: string[] = [];
  let status: LayerStatus = 'ok';
  const soon = addDays(facts.today, EXPIRY_NOTICE_DAYS);
  for (const m of active) {
    if (m.validTo && m.validTo <= soon) {
      status = 'warning';
      reasons.push(`Hợp đồng giám sát với ${m.provider} hết hạn ngày ${m.validTo} (contract ends soon)`);
    }
  }
  // Checked against telemetry: a contract alone does not mean the system is watched.
  if (facts.sources.length === 0) {
    status = 'warning';
    reasons.push('Không có nguồn log nào đang gửi dữ liệu của hệ thống (no log source reports on this system)');
  }
  for (const source of facts.sources) {
    if (!source.silentSince) continue;
    status = 'warning';
    reasons.push(`Nguồn log ${source.name ?? source.sourceId} ngừng gửi từ ${source.silentSince} (log source silent)`);
  }
  const reporting = facts.sources.filter((s) => !s.silentSince).length;
  if (status === 'ok') reasons.push(`${active.map((m) => `${m.provider} (${m.kind === 'own' ? 'tự giám sát' : 'thuê dịch vụ'})`).join(', ')}; ${reporting} nguồn log đang gửi`);
  return verdict(2, status, reasons);
}

function assessment(facts: LayerFacts): LayerVerdict {
  const cadence = facts.level ? facts.regime.assessmentCadenceMonths[facts.level] : null;
  if (facts.level === null) return verdict(3, 'warning', ['Hệ thống chưa được phê duyệt cấp độ: chưa xác định được chu kỳ đánh giá (no approved level)']);
  if (cadence === null) return verdict(3, 'ok', [`Cấp độ ${facts.level}: không bắt buộc đánh giá độc lập định kỳ (not required below level 3)`]);
  const latest = [...facts.assessments].sort((a, b) => (a.assessedOn < b.assessedOn ? 1 : -1))[0];
  if (!latest) return verdict(3, 'missing', [`Cấp độ ${facts.level}: chưa có lần kiểm tra, đánh giá độc lập nào (required every ${cadence} months)`]);
  const due = nextAssessmentDue(latest.assessedOn, cadence);
  const reasons: string[] = [];
  let status: LayerStatus = 'ok';
  if (due < facts.today) return verdict(3, 'missing', [`Quá hạn đánh giá: lần gần nhất ${latest.assessedOn}, hạn ${due} (assessment overdue)`]);
  const providers = facts.monitoring.map((m) => normalizeName(m.provider));
  if (providers.includes(normalizeName(latest.assessor))) {
    status = 'warning';
    reasons.push(`Đơn vị đánh giá ${latest.assessor} trùng đơn vị giám sát lớp 2: không độc lập (assessor is the layer-2 provider)`);
  }
  if (latest.openFindings > 0) {
    status = 'warning';
    reasons.push(`Còn ${latest.openFindings} phát hiện chưa khắc phục (open findings)`);
  }
  if (due <= addDays(facts.today, EXPIRY_NOTICE_DAYS)) {
    status = 'warning';
    reasons.push(`Sắp đến hạn đánh giá: ${due} (assessment due soon)`);
  }
  if (status === 'ok') reasons.push(`Đánh giá bởi ${latest.assessor} ngày ${latest.assessedOn}; lần tới trước ${due}`);
  return verdict(3, status, reasons);
}

function nationalConnection(facts: LayerFacts): LayerVerdict {
  if (!facts.national.connected) return verdict(4, 'missing', ['Chưa kết nối, chia sẻ với hệ thống giám sát quốc gia (not connected)']);
  const since = facts.national.connectedOn ? ` từ ${facts.national.connectedOn}` : '';
  if (!facts.connectorConfigured) return verdict(4, 'ok', [`Đã kết nối${since} (bộ kết nối của SOC chưa dùng: không kiểm tra được lần chia sẻ)`]);
  if (!facts.lastNationalShareAt) return verdict(4, 'warning', [`Đã kết nối${since} nhưng chưa có lần chia sẻ thành công (no successful share yet)`]);
  if (facts.now.getTime() - Date.parse(facts.lastNationalShareAt) > SHARE_STALE_MS) {
    return verdict(4, 'warning', [`Lần chia sẻ thành công gần nhất: ${facts.lastNationalShareAt} (over 24 h ago)`]);
  }
  return verdict(4, 'ok', [`Đã kết nối${since}; chia sẻ gần nhất ${facts.lastNationalShareAt}`]);
}

/** The date the next assessment is due: `months` after the last one. */
export function nextAssessmentDue(lastOn: string, months: number): string {
  const [y, m, d] = lastOn.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function normalizeName(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}
