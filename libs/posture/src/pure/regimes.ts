/**
 * The legal regimes a system can be classified under, as data: who appraises and approves each level, time
 * limits, retention, assessment cadence and the yearly and half-yearly reporting dates. Sources and their
 * certainty are in ../shared/domain/vietnam-regulations.md ([V] checked, [G] GitHub copy, [U] unverified).
 * A new regime (or a correction) is a new entry here, not new code.
 */
export type Level = 1 | 2 | 3 | 4 | 5;
export const LEVELS: readonly Level[] = [1, 2, 3, 4, 5];

/** A day of the year, e.g. `{ month: 12, day: 20 }`. */
export interface MonthDay {
  month: number;
  day: number;
}

export interface RecurringDeadline {
  id: string;
  /** Vietnamese label with the English in brackets. */
  label: string;
  /** The dates in each year. */
  dates: readonly MonthDay[];
  /** Levels it applies to (empty: every system, or the province as a whole). */
  levels: readonly Level[];
  /** Who must act: the system's agency (operator/owner), or the province's SOC office. */
  responsible: 'agency' | 'province';
  source: string;
}

export interface Regime {
  id: string;
  name: string;
  /** The decree and the standard or circular it works with. */
  instruments: readonly string[];
  inForceFrom: string;
  approver: Readonly<Record<Level, string>>;
  appraiser: Readonly<Record<Level, string>>;
  /** Appraisal time limit, working days, per level (null: not stated). */
  appraisalWorkingDays: Readonly<Record<Level, number | null>>;
  approvalWorkingDays: number | null;
  /** Minimum log retention in months (null: not stated). */
  logRetentionMonths: Readonly<Record<Level, number | null>>;
  /** Months between independent assessments (null: no periodic external assessment required). */
  assessmentCadenceMonths: Readonly<Record<Level, number | null>>;
  /** The annual level report covers 15 Dec – 14 Dec. */
  annualReportPeriodStart: MonthDay;
  deadlines: readonly RecurringDeadline[];
  /** Where the catalogue of requirements for this regime lives (requirements module). */
  catalogueId: string;
}

const byLevel = <T>(l1: T, l2: T, l3: T, l4: T, l5: T): Record<Level, T> => ({ 1: l1, 2: l2, 3: l3, 4: l4, 5: l5 });

const COMMON_DEADLINES: readonly RecurringDeadline[] = [
  {
    id: 'annual-level-report-owner',
    label: 'Báo cáo cấp độ hằng năm gửi chủ quản (annual security-level report to the owner)',
    dates: [{ month: 12, day: 20 }],
    levels: [],
    responsible: 'agency',
    source: 'TT 12/2022 Art. 13–14 ≈ NĐ 331 Art. 35–36 [G]',
  },
  {
    id: 'annual-level-report-ministry',
    label: 'Báo cáo cấp độ hằng năm gửi Bộ (annual security-level report to the ministry)',
    dates: [{ month: 12, day: 25 }],
    levels: [],
    responsible: 'province',
    source: 'TT 12/2022 Art. 13–14 ≈ NĐ 331 Art. 35–36 [G]',
  },
  {
    id: 'assessment-report-l3-l4',
    label: 'Báo cáo kiểm tra, đánh giá định kỳ cấp độ 3–4 (assessment report, levels 3–4)',
    dates: [{ month: 12, day: 14 }],
    levels: [3, 4],
    responsible: 'agency',
    source: 'CT 14/CT-TTg 2019 [V]',
  },
  {
    id: 'assessment-report-l5',
    label: 'Báo cáo kiểm tra, đánh giá định kỳ cấp độ 5 (assessment report, level 5)',
    dates: [
      { month: 6, day: 14 },
      { month: 12, day: 14 },
    ],
    levels: [5],
    responsible: 'agency',
    source: 'CT 14/CT-TTg 2019 [V]',
  },
  {
    id: 'network-report-half-year',
    label: 'Báo cáo 6 tháng của thành viên mạng lưới ứng cứu sự cố (half-year network report)',
    dates: [{ month: 6, day: 20 }],
    levels: [],
    responsible: 'province',
    source: 'TT 20/2017 Art. 6 [V]',
  },
  {
    id: 'network-report-annual',
    label: 'Báo cáo năm của thành viên mạng lưới ứng cứu sự cố (annual network report)',
    dates: [{ month: 12, day: 15 }],
    levels: [],
    responsible: 'province',
    source: 'TT 20/2017 Art. 6 [V]',
  },
];

export const REGIMES: Readonly<Record<string, Regime>> = {
  'nd85-2016': {
    id: 'nd85-2016',
    name: 'NĐ 85/2016/NĐ-CP + TT 12/2022/TT-BTTTT (TCVN 11930:2017)',
    instruments: ['NĐ 85/2016/NĐ-CP', 'TT 12/2022/TT-BTTTT', 'TCVN 11930:2017'],
    inForceFrom: '2016-07-01',
    approver: byLevel('Đơn vị chuyên trách ATTT', 'Đơn vị chuyên trách ATTT', 'Chủ quản hệ thống (UBND tỉnh hoặc được ủy quyền)', 'Chủ quản hệ thống', 'Thủ tướng Chính phủ (danh mục cấp độ 5)'),
    appraiser: byLevel('Đơn vị chuyên trách ATTT', 'Đơn vị chuyên trách ATTT', 'Đơn vị chuyên trách ATTT', 'Bộ TT&TT (Cục ATTT)', 'Bộ TT&TT (Cục ATTT)'),
    appraisalWorkingDays: byLevel(null, null, null, 30, 30),
    approvalWorkingDays: 7,
    logRetentionMonths: byLevel(null, 1, 3, 6, 12),
    assessmentCadenceMonths: byLevel(null, null, 12, 12, 6),
    annualReportPeriodStart: { month: 12, day: 15 },
    deadlines: COMMON_DEADLINES,
    catalogueId: 'tt12-2022',
  },
  'nd331-2026': {
    id: 'nd331-2026',
    name: 'NĐ 331/2026/NĐ-CP + TCVN 14423:2026',
    instruments: ['Luật An ninh mạng 116/2025/QH15', 'NĐ 331/2026/NĐ-CP', 'TCVN 14423:2026'],
    inForceFrom: '2026-07-01',
    approver: byLevel('Đơn vị chuyên trách ANM', 'Đơn vị chuyên trách ANM', 'Chủ quản hệ thống (UBND tỉnh hoặc được ủy quyền)', 'Chủ quản hệ thống', 'Thủ tướng Chính phủ (danh mục cấp độ 5)'),
    appraiser: byLevel('Đơn vị chuyên trách ANM', 'Đơn vị chuyên trách ANM', 'Đơn vị chuyên trách ANM', 'Bộ Công an (A05)', 'Bộ Công an (A05)'),
    appraisalWorkingDays: byLevel(null, null, 15, 25, 25),
    approvalWorkingDays: 7,
    logRetentionMonths: byLevel(null, 1, 3, 6, 12),
    assessmentCadenceMonths: byLevel(null, null, 12, 12, 6),
    annualReportPeriodStart: { month: 12, day: 15 },
    deadlines: COMMON_DEADLINES,
    catalogueId: 'tcvn14423-2026',
  },
};

export const DEFAULT_REGIME_ID = 'nd85-2016';

export function regimeOf(id: string): Regime {
  return REGIMES[id] ?? REGIMES[DEFAULT_REGIME_ID]!;
}
