/** The periodic reports: the SOC's own daily and monthly summaries, and the network member's reports to the national coordinator. */
export const REPORT_KINDS = ['daily', 'monthly', 'half_year', 'annual'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_TITLES: Readonly<Record<ReportKind, string>> = {
  daily: 'Báo cáo tình hình an toàn thông tin trong ngày (daily SOC summary)',
  monthly: 'Báo cáo tình hình an toàn thông tin tháng (monthly report)',
  half_year: 'Báo cáo 6 tháng của thành viên mạng lưới ứng cứu sự cố (half-year network report, TT 20/2017)',
  annual: 'Báo cáo năm của thành viên mạng lưới ứng cứu sự cố (annual network report, TT 20/2017)',
};

/** Local days, `to` exclusive. */
export interface ReportPeriod {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function shift(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The period a report run on `runDay` covers: the day before; the month before; the network reports' year runs
 * from 15 Dec (the annual level report's cycle), the half-year report to 15 Jun and the annual one up to the run.
 */
export function reportPeriod(kind: ReportKind, runDay: string): ReportPeriod {
  const [year, month] = runDay.split('-').map(Number) as [number, number];
  switch (kind) {
    case 'daily':
      return { from: shift(runDay, -1), to: runDay };
    case 'monthly': {
      const from = month === 1 ? `${year - 1}-12-01` : `${year}-${pad(month - 1)}-01`;
      return { from, to: `${year}-${pad(month)}-01` };
    }
    case 'half_year':
    case 'annual': {
      const reportYear = runDay.slice(5) >= '12-15' ? year + 1 : year;
      const from = `${reportYear - 1}-12-15`;
      const end = kind === 'half_year' && runDay > `${reportYear}-06-15` ? `${reportYear}-06-15` : runDay;
      if (end <= from) throw new Error(`a ${kind} report run on ${runDay} would cover nothing`);
      return { from, to: end };
    }
  }
}
