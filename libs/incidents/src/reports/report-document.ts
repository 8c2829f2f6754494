import type { DocumentSection, DocumentSpec } from '@soc/documents';
import type { ReportContent } from '../pure';

const yesNo = (value: boolean) => (value ? 'Có' : 'Không');
const list = (values: readonly string[]) => values.join(', ');

/**
 * A report as a Vietnamese document (the fields of the VNCERT/CC initial-report form, domain notes §3.3):
 * the reporting organization and contact, the system and who runs it, the incident, and for the closing
 * report the outcome and recommendations.
 */
export function reportDocument(report: ReportContent): DocumentSpec {
  const level = report.securityLevel === null ? 'Chưa xác định' : `Cấp độ ${report.securityLevel}`;
  const sections: DocumentSection[] = [
    {
      heading: '1. Đơn vị báo cáo',
      fields: [
        ['Tên đơn vị báo cáo', report.reportingOrganization.name],
        ['Tỉnh, thành phố', report.reportingOrganization.province],
        ['Người liên hệ', report.contact?.name ?? ''],
        ['Chức vụ', report.contact?.position ?? ''],
        ['Điện thoại', report.contact?.phone ?? ''],
        ['Thư điện tử', report.contact?.email ?? ''],
      ],
    },
    {
      heading: '2. Hệ thống thông tin bị sự cố',
      fields: [
        ['Đơn vị vận hành hệ thống', report.operator],
        ['Cơ quan chủ quản', report.owner],
        ['Tên hệ thống', report.systemNames],
        ['Cấp độ an toàn hệ thống thông tin', level],
        ['Đơn vị cung cấp dịch vụ giám sát an toàn thông tin', report.provider],
        ['Mục đích sử dụng', report.purpose],
        ['Hệ điều hành, phiên bản', report.osVersions],
        ['Địa chỉ IP liên quan', list(report.ipAddresses)],
        ['Tên miền liên quan', list(report.domains)],
      ],
    },
    {
      heading: '3. Thông tin sự cố',
      fields: [
        ['Số hiệu sự cố', report.incident.ref],
        ['Phân loại sự cố', report.incident.categoryLabel],
        ['Sự cố nghiêm trọng', yesNo(report.incident.serious)],
        ['Thời điểm phát hiện', report.detectedAtText],
        ['Tình trạng xử lý', report.status],
        ['Yêu cầu bảo mật thông tin', yesNo(report.confidential)],
      ],
      paragraphs: [`Mô tả sự cố: ${report.description.split('\n').join('; ')}`],
    },
  ];
  if (report.kind === 'closing') {
    sections.push({
      heading: '4. Kết quả xử lý sự cố',
      fields: [['Kết quả', report.outcome ?? '']],
      paragraphs: report.timelineSummary?.length ? report.timelineSummary : ['Không có diễn biến được ghi nhận.'],
    });
    sections.push({ heading: '5. Kiến nghị, đề xuất', paragraphs: [report.recommendations || 'Không có.'] });
  }
  return {
    header: [report.reportingOrganization.name.toUpperCase(), report.reportingOrganization.province],
    title: report.title,
    subtitle: `Số báo cáo: ${report.number} — ${report.dateText}`,
    sections,
    author: report.reportingOrganization.name,
  };
}
