import type { RequirementCatalogue } from '../catalogue';

/**
 * TT 12/2022/TT-BTTTT (annexes I–V) applied with TCVN 11930:2017: the minimum management and technical
 * requirements per level, physical security excluded.
 *
 * What the notes give and this data keeps exactly [G, Công báo 705+706 of 28 Aug 2022 via VCC]:
 * - management sub-items 15 / 18 / 22 / 22 / 22 for levels 1–5, risk-management and decommissioning plans included;
 * - of them "operations" 3 (network; server & application; data) at L1, 5 at L2 (+incidents, +end users) and 9 from
 *   L3 (+endpoints, +anti-malware, +security monitoring, +vulnerabilities); outsourced software development from L2;
 * - technical configuration items 13 / 17 / 21 / 21 / 21, split network/server/application/data 4/5/3/1, 5/6/4/2, 6/6/6/3.
 * So the other management items are 12 at every level. How those 12 and the technical items spread over their
 * groups, and their wording, are our summaries after TCVN 11930's structure: certainty 'U' until checked against
 * the annex text.
 */
const ANNEX = 'TT 12/2022/TT-BTTTT, Phụ lục I–V';
const COUNTED = `${ANNEX} (counts per level [G]); wording summarised`;
const SPLIT_UNVERIFIED = `${ANNEX} + TCVN 11930:2017; which group and wording inferred [U]`;

export const TT12_2022_CATALOGUE: RequirementCatalogue = {
  id: 'tt12-2022',
  version: '2026.1',
  name: 'TT 12/2022/TT-BTTTT + TCVN 11930:2017 — yêu cầu an toàn cơ bản theo cấp độ (baseline requirements by level)',
  instruments: ['TT 12/2022/TT-BTTTT', 'TCVN 11930:2017'],
  basis: 'Counts per level from the TT 12 annexes (Công báo 705+706, 28 Aug 2022, via VCC) [G]; item wording is our summary, not the legal text.',
  groups: [
    {
      id: 'tt12.policy',
      name: 'Chính sách an toàn thông tin (security policy)',
      kind: 'management',
      items: [
        {
          id: 'tt12.policy.security-policy',
          title: { vi: 'Xây dựng, ban hành chính sách (quy chế) an toàn thông tin của hệ thống', en: 'Issue the system’s information security policy (regulation)' },
          minLevel: 1,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
        {
          id: 'tt12.policy.review',
          title: { vi: 'Rà soát, cập nhật chính sách an toàn thông tin', en: 'Review and update the security policy' },
          minLevel: 1,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
      ],
    },
    {
      id: 'tt12.org',
      name: 'Tổ chức bảo đảm an toàn thông tin (organisation)',
      kind: 'management',
      items: [
        {
          id: 'tt12.org.security-unit',
          title: { vi: 'Đơn vị (bộ phận) chuyên trách về an toàn thông tin', en: 'A unit in charge of information security' },
          minLevel: 1,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
        {
          id: 'tt12.org.security-staff',
          title: { vi: 'Cán bộ phụ trách an toàn thông tin của hệ thống', en: 'Staff responsible for the system’s security' },
          minLevel: 1,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
        {
          id: 'tt12.org.cooperation',
          title: { vi: 'Phối hợp với cơ quan, tổ chức có thẩm quyền', en: 'Cooperation with the competent authorities' },
          minLevel: 1,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
      ],
    },
    {
      id: 'tt12.hr',
      name: 'Bảo đảm nguồn nhân lực (human resources)',
      kind: 'management',
      items: [
        {
          id: 'tt12.hr.recruitment',
          title: { vi: 'An toàn thông tin khi tuyển dụng, bố trí nhân sự', en: 'Security at recruitment and assignment' },
          minLevel: 1,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
        {
          id: 'tt12.hr.during-employment',
          title: { vi: 'Phổ biến, đào tạo, nâng cao nhận thức trong quá trình làm việc', en: 'Awareness and training during employment' },
          minLevel: 1,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
        {
          id: 'tt12.hr.termination',
          title: { vi: 'Thu hồi quyền truy cập, tài sản khi chấm dứt hoặc thay đổi công việc', en: 'Revoke access and assets at termination or change of job' },
          minLevel: 1,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
      ],
    },
    {
      id: 'tt12.design',
      name: 'Quản lý thiết kế, xây dựng hệ thống (design and build)',
      kind: 'management',
      items: [
        {
          id: 'tt12.design.secure-design',
          title: { vi: 'Thiết kế an toàn hệ thống thông tin theo cấp độ', en: 'Secure design of the system for its level' },
          minLevel: 1,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
        {
          id: 'tt12.design.outsourced-development',
          title: { vi: 'Quản lý phát triển phần mềm thuê khoán', en: 'Outsourced software development' },
          minLevel: 2,
          certainty: 'G',
          source: COUNTED,
        },
        {
          id: 'tt12.design.testing-acceptance',
          title: { vi: 'Thử nghiệm và nghiệm thu hệ thống trước khi đưa vào vận hành', en: 'Testing and acceptance before operation' },
          minLevel: 1,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
      ],
    },
    {
      id: 'tt12.ops',
      name: 'Quản lý vận hành (operations)',
      kind: 'management',
      items: [
        {
          id: 'tt12.ops.network',
          title: { vi: 'Quản lý an toàn mạng', en: 'Network security management' },
          minLevel: 1,
          certainty: 'G',
          source: COUNTED,
        },
        {
          id: 'tt12.ops.server-application',
          title: { vi: 'Quản lý an toàn máy chủ và ứng dụng', en: 'Server and application security management' },
          minLevel: 1,
          certainty: 'G',
          source: COUNTED,
        },
        {
          id: 'tt12.ops.data',
          title: { vi: 'Quản lý an toàn dữ liệu', en: 'Data security management' },
          minLevel: 1,
          certainty: 'G',
          source: COUNTED,
        },
        {
          id: 'tt12.ops.incidents',
          title: { vi: 'Quản lý sự cố an toàn thông tin', en: 'Security incident management' },
          minLevel: 2,
          certainty: 'G',
          source: COUNTED,
        },
        {
          id: 'tt12.ops.end-users',
          title: { vi: 'Quản lý an toàn người sử dụng đầu cuối', en: 'End-user security management' },
          minLevel: 2,
          certainty: 'G',
          source: COUNTED,
        },
        {
          id: 'tt12.ops.endpoints',
          title: { vi: 'Quản lý an toàn thiết bị đầu cuối', en: 'Endpoint security management' },
          minLevel: 3,
          certainty: 'G',
          source: COUNTED,
        },
        {
          id: 'tt12.ops.anti-malware',
          title: { vi: 'Quản lý phòng chống phần mềm độc hại', en: 'Anti-malware management' },
          minLevel: 3,
          certainty: 'G',
          source: COUNTED,
        },
        {
          id: 'tt12.ops.security-monitoring',
          title: { vi: 'Quản lý giám sát an toàn hệ thống thông tin', en: 'Security monitoring management' },
          minLevel: 3,
          certainty: 'G',
          source: COUNTED,
        },
        {
          id: 'tt12.ops.vulnerabilities',
          title: { vi: 'Quản lý điểm yếu an toàn thông tin', en: 'Vulnerability management' },
          minLevel: 3,
          certainty: 'G',
          source: COUNTED,
        },
      ],
    },
    {
      id: 'tt12.risk',
      name: 'Phương án quản lý rủi ro an toàn thông tin (risk-management plan)',
      kind: 'management',
      items: [
        {
          id: 'tt12.risk.plan',
          title: { vi: 'Phương án quản lý rủi ro an toàn thông tin', en: 'Information security risk-management plan' },
          minLevel: 1,
          certainty: 'G',
          source: COUNTED,
        },
      ],
    },
    {
      id: 'tt12.decommission',
      name: 'Phương án kết thúc vận hành, khai thác, thanh lý, hủy bỏ (decommissioning plan)',
      kind: 'management',
      items: [
        {
          id: 'tt12.decommission.plan',
          title: { vi: 'Phương án kết thúc vận hành, khai thác, thanh lý, hủy bỏ hệ thống', en: 'Plan for ending operation, disposal and destruction' },
          minLevel: 1,
          certainty: 'G',
          source: COUNTED,
        },
      ],
    },
    {
      id: 'tt12.net',
      name: 'Bảo đảm an toàn mạng (network)',
      kind: 'technical',
      items: [
        {
          id: 'tt12.net.design-zones',
          title: {
            vi: 'Thiết kế, phân vùng mạng (tối thiểu 3 vùng ở cấp 1, 5 ở cấp 2, 7 ở cấp 3, 8 ở cấp 4–5)',
            en: 'Network design and zoning (at least 3 zones at L1, 5 at L2, 7 at L3, 8 at L4–5)',
          },
          minLevel: 1,
          certainty: 'U',
          source: `${SPLIT_UNVERIFIED}; zone counts [G]`,
        },
        {
          id: 'tt12.net.access-control',
          title: { vi: 'Kiểm soát truy cập từ bên ngoài và bên trong mạng', en: 'Access control from outside and inside the network' },
          minLevel: 1,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
        {
          id: 'tt12.net.logging',
          title: { vi: 'Nhật ký hệ thống thiết bị mạng', en: 'Logging on network devices' },
          minLevel: 1,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
        {
          id: 'tt12.net.device-protection',
          title: { vi: 'Bảo vệ thiết bị hệ thống mạng', en: 'Protection of network devices' },
          minLevel: 1,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
        {
          id: 'tt12.net.intrusion-prevention',
          title: { vi: 'Phòng chống xâm nhập mạng', en: 'Network intrusion prevention' },
          minLevel: 2,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
        {
          id: 'tt12.net.network-anti-malware',
          title: { vi: 'Phòng chống phần mềm độc hại trên môi trường mạng', en: 'Anti-malware on the network' },
          minLevel: 3,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
      ],
    },
    {
      id: 'tt12.server',
      name: 'Bảo đảm an toàn máy chủ (server)',
      kind: 'technical',
      items: [
        {
          id: 'tt12.server.authentication',
          title: { vi: 'Xác thực trên máy chủ', en: 'Server authentication' },
          minLevel: 1,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
        {
          id: 'tt12.server.access-control',
          title: { vi: 'Kiểm soát truy cập máy chủ', en: 'Server access control' },
          minLevel: 1,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
        {
          id: 'tt12.server.logging',
          title: { vi: 'Nhật ký hệ thống máy chủ', en: 'Server logging' },
          minLevel: 1,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
        {
          id: 'tt12.server.anti-malware',
          title: { vi: 'Phòng chống phần mềm độc hại trên máy chủ', en: 'Anti-malware on servers' },
          minLevel: 1,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
        {
          id: 'tt12.server.handover',
          title: { vi: 'Xử lý máy chủ khi chuyển giao, thay đổi mục đích', en: 'Wiping servers on handover or change of use' },
          minLevel: 1,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
        {
          id: 'tt12.server.intrusion-prevention',
          title: { vi: 'Phòng chống xâm nhập trên máy chủ', en: 'Host intrusion prevention' },
          minLevel: 2,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
      ],
    },
    {
      id: 'tt12.app',
      name: 'Bảo đảm an toàn ứng dụng (application)',
      kind: 'technical',
      items: [
        {
          id: 'tt12.app.authentication',
          title: { vi: 'Xác thực trên ứng dụng', en: 'Application authentication' },
          minLevel: 1,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
        {
          id: 'tt12.app.access-control',
          title: { vi: 'Kiểm soát truy cập ứng dụng', en: 'Application access control' },
          minLevel: 1,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
        {
          id: 'tt12.app.logging',
          title: { vi: 'Nhật ký hệ thống ứng dụng', en: 'Application logging' },
          minLevel: 1,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
        {
          id: 'tt12.app.confidential-communication',
          title: { vi: 'Bảo mật thông tin liên lạc của ứng dụng', en: 'Confidential application communication' },
          minLevel: 2,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
        {
          id: 'tt12.app.non-repudiation',
          title: { vi: 'Chống chối bỏ', en: 'Non-repudiation' },
          minLevel: 3,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
        {
          id: 'tt12.app.source-code-security',
          title: { vi: 'An toàn ứng dụng và mã nguồn', en: 'Application and source-code security' },
          minLevel: 3,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
      ],
    },
    {
      id: 'tt12.data',
      name: 'Bảo đảm an toàn dữ liệu (data)',
      kind: 'technical',
      items: [
        {
          id: 'tt12.data.backup',
          title: { vi: 'Sao lưu dự phòng dữ liệu', en: 'Data backup' },
          minLevel: 1,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
        {
          id: 'tt12.data.integrity',
          title: { vi: 'Bảo đảm nguyên vẹn dữ liệu', en: 'Data integrity' },
          minLevel: 2,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
        {
          id: 'tt12.data.confidentiality',
          title: { vi: 'Bảo mật dữ liệu (mã hóa khi lưu trữ, truyền)', en: 'Data confidentiality (encryption at rest and in transit)' },
          minLevel: 3,
          certainty: 'U',
          source: SPLIT_UNVERIFIED,
        },
      ],
    },
  ],
};
