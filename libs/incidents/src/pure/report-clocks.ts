import type { ReportingRegimeId } from '@soc/shared';

/**
 * The legal clocks for reporting an incident to the national coordinator, per regime, as data. Sources and
 * certainty are those of /work/shared/domain/vietnam-regulations.md §3.2 ([V] checked, [G] GitHub copy,
 * [U] unverified). A new regime or a correction is a new entry here, not new code; which regimes are shown
 * is `SOC_REPORTING_REGIMES`.
 */

/** When a clock applies: to every incident, or only once a fact about the incident is recorded. */
export const CLOCK_CONDITIONS = ['always', 'serious', 'exceedsCapacity', 'nationalSecurity'] as const;
export type ClockCondition = (typeof CLOCK_CONDITIONS)[number];

export type Certainty = 'V' | 'G' | 'U';

export interface Bilingual {
  vi: string;
  en: string;
}

export interface ReportClockRule {
  /** Stable within the regime: breaches and live messages name it (`report:<regime>:<rule>`). */
  rule: string;
  label: Bilingual;
  /** Who must receive the report (names are fixed here for now; a deployment may rename them later). */
  recipient: Bilingual;
  /** Hours from detection; 0 = immediately (due at detection). */
  hours: number;
  condition: ClockCondition;
  certainty: Certainty;
  source: string;
}

export interface ReportingRegime {
  id: ReportingRegimeId;
  label: Bilingual;
  rules: readonly ReportClockRule[];
}

const VNCERT_WITH_OWNER: Bilingual = {
  vi: 'Chủ quản hệ thống; Cơ quan điều phối quốc gia (VNCERT/CC); Đội ứng cứu sự cố của tỉnh',
  en: 'System owner; national coordinator (VNCERT/CC); provincial incident response team',
};
const VNCERT: Bilingual = { vi: 'Cơ quan điều phối quốc gia (VNCERT/CC)', en: 'National coordinator (VNCERT/CC)' };
const BCA_UNIT: Bilingual = { vi: 'Đơn vị chuyên trách an ninh mạng của Bộ Công an (A05)', en: 'Specialised cybersecurity unit of the Ministry of Public Security (A05)' };

export const REPORTING_REGIMES: Readonly<Record<ReportingRegimeId, ReportingRegime>> = {
  'tt20-2017': {
    id: 'tt20-2017',
    label: { vi: 'TT 20/2017/TT-BTTTT và QĐ 05/2017/QĐ-TTg', en: 'Circular 20/2017 with Decision 05/2017 (incident coordination)' },
    rules: [
      {
        rule: '5d',
        label: { vi: 'Thông báo sự cố trong 5 ngày kể từ khi phát hiện', en: 'Incident notification within 5 days of detection' },
        recipient: VNCERT_WITH_OWNER,
        hours: 5 * 24,
        condition: 'always',
        certainty: 'V',
        source: 'TT 20/2017/TT-BTTTT; QĐ 05/2017/QĐ-TTg Art. 11.1',
      },
      {
        rule: 'emergency',
        label: { vi: 'Báo cáo khẩn cấp ngay khi sự cố vượt khả năng xử lý', en: 'Emergency report at once when the incident exceeds local capacity' },
        recipient: VNCERT,
        hours: 0,
        condition: 'exceedsCapacity',
        certainty: 'V',
        source: 'QĐ 05/2017/QĐ-TTg Art. 11.2–5',
      },
    ],
  },
  'nd331-2026': {
    id: 'nd331-2026',
    label: { vi: 'NĐ 331/2026/NĐ-CP và Luật An ninh mạng 116/2025/QH15', en: 'Decree 331/2026 with Cybersecurity Law 116/2025' },
    rules: [
      {
        rule: '72h',
        label: { vi: 'Báo cáo nguyên nhân, ảnh hưởng, khắc phục trong 72 giờ', en: 'Cause, impact and fix within 72 hours (any incident)' },
        recipient: BCA_UNIT,
        hours: 72,
        condition: 'always',
        certainty: 'G',
        source: 'NĐ 331/2026/NĐ-CP Art. 31.2.d; Luật 116/2025/QH15 Art. 40.1.c',
      },
      {
        rule: '24h',
        label: { vi: 'Thông báo ban đầu sự cố nghiêm trọng trong 24 giờ', en: 'Initial notice of a serious incident within 24 hours' },
        recipient: BCA_UNIT,
        hours: 24,
        // NĐ 331 does not define "serious": the QĐ 05 flag of the incident stands in for it.
        condition: 'serious',
        certainty: 'G',
        source: 'NĐ 331/2026/NĐ-CP Art. 31.2.d; Luật 116/2025/QH15 Art. 40.1.c',
      },
      {
        rule: 'immediate',
        label: { vi: 'Báo cáo ngay khi ảnh hưởng an ninh quốc gia, trật tự an toàn xã hội', en: 'Report immediately when national security or public order is affected' },
        recipient: BCA_UNIT,
        hours: 0,
        condition: 'nationalSecurity',
        certainty: 'G',
        source: 'NĐ 331/2026/NĐ-CP Art. 31.2.d; Luật 116/2025/QH15 Art. 40.1.c',
      },
    ],
  },
};

export const CLOCK_STATUSES = ['running', 'met', 'overdue'] as const;
export type ClockStatus = (typeof CLOCK_STATUSES)[number];

/** What the clocks of one incident depend on. */
export interface ClockFacts {
  /** When the SOC detected the incident (its opening). */
  detectedAt: Date;
  serious: boolean;
  exceedsCapacity: boolean;
  nationalSecurity: boolean;
  /** Initial reports sent, each with the regimes whose clocks it answers. */
  initialSubmissions: ReadonlyArray<{ at: Date; regimes: readonly string[] }>;
}

/** A rule's clock for one incident. */
export interface ReportClock extends ReportClockRule {
  /** `report:<regime>:<rule>`, as in `sla.breached`. */
  key: string;
  regime: ReportingRegimeId;
  regimeLabel: Bilingual;
  dueAt: Date;
  status: ClockStatus;
  /** The first initial report answering this regime: it stops the clock. */
  submittedAt: Date | null;
}

const HOUR = 3_600_000;

export function clockKey(regime: string, rule: string): string {
  return `report:${regime}:${rule}`;
}

export function clockApplies(condition: ClockCondition, facts: Pick<ClockFacts, 'serious' | 'exceedsCapacity' | 'nationalSecurity'>): boolean {
  return condition === 'always' || facts[condition];
}

/**
 * The clocks that apply to an incident under the shown regimes, each due `hours` after detection. A clock
 * stops when an initial report answering its regime is sent: met if sent by the due time, overdue if later;
 * while none is sent it runs until the due time passes, then it is overdue.
 */
export function reportClocks(regimes: readonly ReportingRegimeId[], facts: ClockFacts, now: Date): ReportClock[] {
  const clocks: ReportClock[] = [];
  for (const regimeId of regimes) {
    const regime = REPORTING_REGIMES[regimeId];
    const answering = facts.initialSubmissions.filter((s) => s.regimes.includes(regimeId)).map((s) => s.at.getTime());
    const submittedAt = answering.length > 0 ? new Date(Math.min(...answering)) : null;
    for (const rule of regime.rules) {
      if (!clockApplies(rule.condition, facts)) continue;
      const dueAt = new Date(facts.detectedAt.getTime() + rule.hours * HOUR);
      clocks.push({
        key: clockKey(regime.id, rule.rule),
        regime: regime.id,
        regimeLabel: regime.label,
        rule: rule.rule,
        label: rule.label,
        recipient: rule.recipient,
        hours: rule.hours,
        condition: rule.condition,
        certainty: rule.certainty,
        source: rule.source,
        dueAt,
        status: statusOf(dueAt, submittedAt, now),
        submittedAt,
      });
    }
  }
  return clocks;
}

function statusOf(dueAt: Date, submittedAt: Date | null, now: Date): ClockStatus {
  if (submittedAt) return submittedAt <= dueAt ? 'met' : 'overdue';
  return now > dueAt ? 'overdue' : 'running';
}

/** Every rule of the shown regimes, for the job that looks for clocks past due. */
export function shownRules(regimes: readonly ReportingRegimeId[]): Array<ReportClockRule & { regime: ReportingRegimeId }> {
  return regimes.flatMap((id) => REPORTING_REGIMES[id].rules.map((rule) => ({ ...rule, regime: id })));
}
