import { type DocumentSpec, renderPdf } from '@soc/documents';
import { CATEGORY_LABELS } from '@soc/incidents';
import { CATEGORIES, type PeriodicReportContent } from './periodic-report';

const day = (d: string) => d.split('-').reverse().join('/');
const lastDay = (to: string) => new Date(Date.parse(`${to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const minutes = (m: number | null) => (m === null ? '—' : `${m.toLocaleString('vi-VN')} phút`);

/** One row per figure (section, key, value): opens in Excel as is (UTF-8 BOM, CRLF, quoted). */
export function reportCsv(report: PeriodicReportContent): string {
  const rows: Array<[string, string, string | number]> = [
    ['period', 'from', report.period.from],
    ['period', 'to (exclusive)', report.period.to],
    ['incidents', 'total', report.incidents.total],
    ['incidents', 'serious', report.incidents.serious],
    ...CATEGORIES.map((c): [string, string, number] => ['category', c, report.incidents.byCategory[c]]),
    ...Object.entries(report.incidents.byPriority).map(([p, n]): [string, string, number] => ['priority', p, n]),
    ...report.incidents.byAgency.flatMap((a) => [['agency', `${a.agencyId} ${a.agencyName}`, a.total] as [string, string, number], ...CATEGORIES.map((c): [string, string, number] => [`agency:${a.agencyId}`, c, a.byCategory[c]])]),
    ['response', 'acknowledged', report.response.acknowledged],
    ['response', 'resolved', report.response.resolved],
    ['response', 'mtta_minutes', report.response.mttaMinutes ?? ''],
    ['response', 'mttr_minutes', report.response.mttrMinutes ?? ''],
    ['response', 'sla_breaches', report.response.slaBreaches],
    ['alerts', 'total', report.alerts.total],
    ...Object.entries(report.alerts.bySeverity).map(([s, n]): [string, string, number] => ['alert_severity', s, n]),
    ...report.topAttackers.map((a): [string, string, number] => ['top_attacker', a.ip, a.incidents]),
    ...report.topSystems.map((s): [string, string, number] => ['top_system', `${s.systemId} ${s.name}`, s.incidents]),
  ];
  const cell = (value: string | number) => `"${String(value).replace(/"/g, '""')}"`;
  return `\uFEFF${['section,key,value', ...rows.map((r) => r.map(cell).join(','))].join('\r\n')}\r\n`;
}

/** The report as a Vietnamese PDF document. */
export function reportPdf(report: PeriodicReportContent): Promise<Buffer> {
  const spec: DocumentSpec = {
    header: [report.authority.toUpperCase(), report.province],
    title: report.title.split(' (')[0]!.toUpperCase(),
    subtitle: `Kỳ báo cáo: từ ngày ${day(report.period.from)} đến ngày ${day(lastDay(report.period.to))} — lập lúc ${new Intl.DateTimeFormat('vi-VN', { timeZone: report.timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(report.generatedAt))}`,
    author: report.authority,
    sections: [
      {
        heading: 'I. Tổng hợp sự cố',
        fields: [
          ['Tổng số sự cố', String(report.incidents.total)],
          ['Sự cố nghiêm trọng', String(report.incidents.serious)],
          ...CATEGORIES.map((c): [string, string] => [CATEGORY_LABELS[c], String(report.incidents.byCategory[c])]),
          ...Object.entries(report.incidents.byPriority).map(([p, n]): [string, string] => [`Mức ưu tiên ${p}`, String(n)]),
        ],
      },
      {
        heading: 'II. Thời gian phản ứng',
        fields: [
          ['Thời gian tiếp nhận trung bình (MTTA)', minutes(report.response.mttaMinutes)],
          ['Thời gian xử lý trung bình (MTTR)', minutes(report.response.mttrMinutes)],
          ['Số sự cố quá hạn SLA', String(report.response.slaBreaches)],
          ['Tổng số cảnh báo', String(report.alerts.total)],
        ],
      },
      {
        heading: 'III. Theo cơ quan',
        table: { columns: ['Cơ quan', 'Tổng', ...CATEGORIES.map((c) => CATEGORY_LABELS[c].split(' (')[0]!)], rows: report.incidents.byAgency.map((a) => [a.agencyName, String(a.total), ...CATEGORIES.map((c) => String(a.byCategory[c]))]) },
      },
      { heading: 'IV. Địa chỉ tấn công nhiều nhất', table: { columns: ['Địa chỉ IP', 'Số sự cố', 'Số lần ghi nhận'], rows: report.topAttackers.map((a) => [a.ip, String(a.incidents), String(a.sightings)]) } },
      { heading: 'V. Hệ thống bị nhắm đến nhiều nhất', table: { columns: ['Hệ thống', 'Cơ quan', 'Số sự cố'], rows: report.topSystems.map((s) => [s.name, s.agencyId, String(s.incidents)]) } },
    ],
  };
  return renderPdf(spec);
}
