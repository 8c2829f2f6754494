import type { AnnualReport } from './posture-reports.service';
import type { Ratio } from './pure';

const escape = (text: string | number | null | undefined): string =>
  String(text ?? '—').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const DOSSIER: Readonly<Record<string, string>> = { draft: 'Đang lập', submitted: 'Đã trình', appraised: 'Đã thẩm định', approved: 'Đã phê duyệt', returned: 'Trả lại' };
const IMPLEMENTATION: Readonly<Record<string, string>> = { full: 'Đầy đủ', partial: 'Một phần', none: 'Chưa triển khai' };
const REGULATION: Readonly<Record<string, string>> = { none: 'Chưa có', draft: 'Dự thảo', issued: 'Đã ban hành' };
const LAYER: Readonly<Record<string, string>> = { ok: 'Đạt', warning: 'Cảnh báo', missing: 'Thiếu' };

const ratio = (r: Ratio) => `${r.count}/${r.of}${r.percent === null ? '' : ` (${r.percent.toLocaleString('vi-VN')}%)`}`;

/** The annual security-level report as a printable Vietnamese document (UTF-8 HTML; the browser prints it to PDF). */
export function renderAnnualReportHtml(report: AnnualReport, timeZone: string): string {
  const vnDate = (iso: string) => new Intl.DateTimeFormat('vi-VN', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
  const day = (d: string) => d.split('-').reverse().join('/');
  const k = report.kpis;
  const rows = report.systems
    .map(
      (s, i) => `<tr><td>${i + 1}</td><td>${escape(s.agencyName)}</td><td>${escape(s.systemName)}</td><td>${escape(s.owner)}</td><td>${escape(s.operator)}</td>
<td>${escape(s.proposedLevel)}</td><td>${escape(s.approvedLevel)}</td><td>${escape(DOSSIER[s.dossierStatus] ?? s.dossierStatus)}${s.decisionNumber ? `<br>QĐ ${escape(s.decisionNumber)}${s.decisionDate ? ` ngày ${escape(day(s.decisionDate))}` : ''}` : ''}</td>
<td>${escape(REGULATION[s.regulationStatus] ?? s.regulationStatus)}</td><td>${escape(s.implementation ? IMPLEMENTATION[s.implementation] : 'Chưa đánh giá')}${s.requirementsPercent === null ? '' : ` (${escape(s.requirementsPercent)}%)`}</td>
<td>${s.assessedOn.length ? escape(s.assessedOn.map(day).join(', ')) : 'Chưa'}</td><td>${s.layers.map((l, n) => `L${n + 1}: ${escape(LAYER[l] ?? l)}`).join('<br>')}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Báo cáo cấp độ năm ${report.year}</title>
<style>body{font-family:"Times New Roman",serif;margin:2cm}h1{text-align:center;font-size:16pt}table{border-collapse:collapse;width:100%;font-size:10pt}td,th{border:1px solid #000;padding:4px;vertical-align:top}th{background:#eee}.c{text-align:center}</style></head>
<body>
<p class="c"><b>${escape(report.authority.toUpperCase())}</b><br>${escape(report.province)}</p>
<h1>BÁO CÁO TÌNH HÌNH BẢO ĐẢM AN TOÀN HỆ THỐNG THÔNG TIN THEO CẤP ĐỘ NĂM ${report.year}</h1>
<p class="c">Kỳ số liệu: từ ngày ${day(report.period.from)} đến ngày ${day(report.period.to)} — lập ngày ${vnDate(report.generatedAt)}</p>
<h2>I. Tổng hợp</h2>
<ul>
<li>Tổng số hệ thống thông tin: ${k.systems} (cấp độ 1: ${k.byLevel['1']}; cấp độ 2: ${k.byLevel['2']}; cấp độ 3: ${k.byLevel['3']}; cấp độ 4: ${k.byLevel['4']}; cấp độ 5: ${k.byLevel['5']}; chưa xác định: ${k.byLevel.none})</li>
<li>Hệ thống đã được phê duyệt cấp độ: ${ratio(k.approvedLevel)}</li>
<li>Triển khai đầy đủ phương án bảo đảm ATTT: ${ratio(k.fullyImplemented)}; một phần: ${ratio(k.partiallyImplemented)}; chưa triển khai: ${ratio(k.notImplemented)}</li>
<li>Hệ thống đã ban hành quy chế bảo đảm ATTT: ${ratio(k.regulationIssued)}</li>
<li>Hệ thống đạt đủ 4 lớp bảo vệ: ${ratio(k.allFourLayersOk)}</li>
<li>Hệ thống cấp độ 3 trở lên đã được kiểm tra, đánh giá trong kỳ: ${ratio(k.level3PlusAssessed)}</li>
</ul>
<h2>II. Chi tiết từng hệ thống</h2>
<table><thead><tr><th>TT</th><th>Cơ quan</th><th>Hệ thống</th><th>Chủ quản</th><th>Đơn vị vận hành</th><th>Cấp độ đề xuất</th><th>Cấp độ phê duyệt</th><th>Hồ sơ</th><th>Quy chế</th><th>Triển khai</th><th>Kiểm tra, đánh giá</th><th>Mô hình 4 lớp</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}
