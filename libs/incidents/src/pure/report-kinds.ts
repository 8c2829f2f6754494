/** The reports an incident runs through (domain notes §3.2): initial → progress → closing. */
export const REPORT_KINDS = ['initial', 'progress', 'closing'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_TITLES: Readonly<Record<ReportKind, string>> = {
  initial: 'Báo cáo ban đầu sự cố an toàn thông tin mạng',
  progress: 'Báo cáo diễn biến sự cố an toàn thông tin mạng',
  closing: 'Báo cáo kết thúc sự cố an toàn thông tin mạng',
};

/** Short codes in the report number: BĐ (ban đầu), DB (diễn biến), KT (kết thúc). */
const REPORT_CODES: Readonly<Record<ReportKind, string>> = { initial: 'BĐ', progress: 'DB', closing: 'KT' };

/** How the report reached its recipient (TT 20 allows letter, fax, email and e-documents; the portal is VNCERT/CC's). */
export const REPORT_CHANNELS = ['email', 'letter', 'portal', 'fax', 'phone'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

/** Số báo cáo: the incident's reference, the kind and the version, e.g. `SC-000042/BĐ-1`. */
export function reportNumber(incidentRef: string, kind: ReportKind, version: number): string {
  return `${incidentRef}/${REPORT_CODES[kind]}-${version}`;
}
