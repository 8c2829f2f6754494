import type { ReportContact } from '@soc/shared';
import { CATEGORY_LABELS, type IncidentCategory } from './incident-category';
import { REPORT_TITLES, type ReportKind, reportNumber } from './report-kinds';
import { vietnameseDate, vietnameseDateTime } from './vietnamese-time';
import type { IncidentState, Resolution } from './workflow';

/** What a person may change in a report before it is sent; everything else comes from the incident. */
export interface ReportEdits {
  /** Hệ điều hành, phiên bản — not known to the SOC, so empty until someone writes it. */
  osVersions?: string;
  /** Mục đích sử dụng — defaults to the systems' types. */
  purpose?: string;
  /** Whether the report asks the recipient to keep it confidential (default yes). */
  confidential?: boolean;
  /** Kiến nghị, đề xuất — closing report only. */
  recommendations?: string;
}

export interface ReportSystemFacts {
  id: string;
  name: string;
  securityLevel: number | null;
  operator: string | null;
  owner: string | null;
  systemType: string | null;
}

/** Everything a report is generated from, read in one go. */
export interface ReportFacts {
  kind: ReportKind;
  version: number;
  /** The report's date: when this version was made. */
  date: Date;
  timeZone: string;
  organization: { authority: string; province: string };
  contact?: ReportContact;
  incident: {
    id: string;
    ref: string;
    title: string;
    state: IncidentState;
    resolution: Resolution | null;
    category: IncidentCategory;
    serious: boolean;
    securityLevel: number | null;
    detectedAt: Date;
    resolvedAt: Date | null;
  };
  systems: readonly ReportSystemFacts[];
  /** Layer-2 monitoring providers covering the systems. */
  providers: readonly string[];
  /** Why each alert fired, de-duplicated. */
  explanations: readonly string[];
  ips: readonly string[];
  domains: readonly string[];
  timeline: ReadonlyArray<{ at: string; kind: string; details: Record<string, unknown> }>;
  edits: ReportEdits;
}

/** A report as JSON, and what its PDF prints (TT 20 initial-report fields, domain notes §3.3). */
export interface ReportContent {
  kind: ReportKind;
  title: string;
  number: string;
  version: number;
  date: string;
  dateText: string;
  reportingOrganization: { name: string; province: string };
  contact: ReportContact | null;
  incident: { id: string; ref: string; title: string; category: IncidentCategory; categoryLabel: string; serious: boolean };
  operator: string;
  owner: string;
  systems: Array<{ id: string; name: string; securityLevel: number | null }>;
  systemNames: string;
  securityLevel: number | null;
  provider: string;
  description: string;
  detectedAt: string;
  detectedAtText: string;
  state: IncidentState;
  status: string;
  osVersions: string;
  ipAddresses: string[];
  domains: string[];
  purpose: string;
  confidential: boolean;
  /** Closing report only. */
  outcome?: string;
  timelineSummary?: string[];
  recommendations?: string;
}

export const STATE_LABELS: Readonly<Record<IncidentState, string>> = {
  new: 'Mới phát hiện (new)',
  acknowledged: 'Đã tiếp nhận (acknowledged)',
  investigating: 'Đang điều tra, xử lý (investigating)',
  contained: 'Đã ngăn chặn (contained)',
  resolved: 'Đã xử lý xong (resolved)',
  closed: 'Đã kết thúc (closed)',
};

const RESOLUTION_LABELS: Readonly<Record<Resolution, string>> = {
  true_positive: 'Sự cố có thật, đã xử lý (true positive)',
  false_positive: 'Cảnh báo nhầm (false positive)',
  duplicate: 'Trùng sự cố khác (duplicate)',
  benign: 'Hoạt động hợp lệ (benign)',
};

const PURPOSE_LABELS: Readonly<Record<string, string>> = {
  internal: 'Phục vụ hoạt động nội bộ (internal operations)',
  public_service: 'Cung cấp dịch vụ công trực tuyến (online public services)',
  infrastructure: 'Hạ tầng thông tin dùng chung (shared infrastructure)',
  industrial_control: 'Điều khiển công nghiệp (industrial control)',
  other: 'Khác (other)',
};

/** Explanations kept in the description; a storm of alerts would otherwise make it pages long. */
const MAX_EXPLANATIONS = 10;
const MAX_TIMELINE_LINES = 40;

export function defaultPurpose(systems: readonly ReportSystemFacts[]): string {
  return [...new Set(systems.map((s) => (s.systemType ? (PURPOSE_LABELS[s.systemType] ?? s.systemType) : null)).filter((p): p is string => Boolean(p)))].join('; ');
}

/** The report generated from the incident as it is now, with the version's edits applied. */
export function buildReportContent(facts: ReportFacts): ReportContent {
  const { incident, systems, edits, timeZone } = facts;
  const distinct = (values: ReadonlyArray<string | null>) => [...new Set(values.filter((v): v is string => Boolean(v)))].join('; ');
  const explanations = facts.explanations.slice(0, MAX_EXPLANATIONS);
  const content: ReportContent = {
    kind: facts.kind,
    title: REPORT_TITLES[facts.kind],
    number: reportNumber(incident.ref, facts.kind, facts.version),
    version: facts.version,
    date: facts.date.toISOString(),
    dateText: `${facts.organization.province}, ${vietnameseDate(facts.date, timeZone)}`,
    reportingOrganization: { name: facts.organization.authority, province: facts.organization.province },
    contact: facts.contact ?? null,
    incident: { id: incident.id, ref: incident.ref, title: incident.title, category: incident.category, categoryLabel: CATEGORY_LABELS[incident.category], serious: incident.serious },
    operator: distinct(systems.map((s) => s.operator)),
    owner: distinct(systems.map((s) => s.owner)),
    systems: systems.map((s) => ({ id: s.id, name: s.name, securityLevel: s.securityLevel })),
    systemNames: systems.map((s) => s.name).join('; '),
    securityLevel: incident.securityLevel,
    provider: distinct([...facts.providers]),
    description: [incident.title, ...explanations].join('\n'),
    detectedAt: incident.detectedAt.toISOString(),
    detectedAtText: vietnameseDateTime(incident.detectedAt, timeZone),
    state: incident.state,
    status: STATE_LABELS[incident.state],
    osVersions: edits.osVersions ?? '',
    ipAddresses: [...facts.ips],
    domains: [...facts.domains],
    purpose: edits.purpose ?? defaultPurpose(systems),
    confidential: edits.confidential ?? true,
  };
  if (facts.kind !== 'closing') return content;
  const outcome = incident.resolution
    ? `${RESOLUTION_LABELS[incident.resolution]}${incident.resolvedAt ? `; xử lý xong lúc ${vietnameseDateTime(incident.resolvedAt, timeZone)}` : ''}`
    : `Chưa kết thúc xử lý (${STATE_LABELS[incident.state]})`;
  return { ...content, outcome, timelineSummary: timelineSummary(facts.timeline, timeZone), recommendations: edits.recommendations ?? '' };
}

/** The steps of the response a reader of the closing report cares about, oldest first. */
function timelineSummary(timeline: ReportFacts['timeline'], timeZone: string): string[] {
  const lines: string[] = [];
  for (const entry of timeline) {
    const line = describeStep(entry.kind, entry.details);
    if (line) lines.push(`${vietnameseDateTime(new Date(entry.at), timeZone)}: ${line}`);
  }
  return lines.slice(-MAX_TIMELINE_LINES);
}

function describeStep(kind: string, details: Record<string, unknown>): string | undefined {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  switch (kind) {
    case 'created':
      return 'Phát hiện sự cố (incident opened)';
    case 'transition': {
      const to = text(details.to) as IncidentState;
      return `Chuyển trạng thái: ${STATE_LABELS[to] ?? to}${details.reason ? ` — ${text(details.reason)}` : ''}`;
    }
    case 'comment':
      return `Ghi chú: ${text(details.text)}`;
    case 'task_added':
      return `Nhiệm vụ: ${text(details.title)}`;
    case 'serious_set':
      return details.to === true || details.serious === true ? 'Xác định là sự cố nghiêm trọng (serious incident)' : undefined;
    case 'report_submitted':
      return `Gửi ${text(details.number)} tới ${text(details.recipient)}`;
    default:
      return undefined;
  }
}
