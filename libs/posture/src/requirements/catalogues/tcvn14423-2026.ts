import type { RequirementCatalogue } from '../catalogue';

/**
 * TCVN 14423:2026 (with NĐ 331/2026/NĐ-CP): 15 requirement groups at levels 1–2 and 18 at levels 3–5, where
 * monitoring & defence, secure development and security testing are added. Clause numbers move with the level
 * (level 1 is section 3, level 5 section 7).
 *
 * Items carry the numeric thresholds the notes give [G: VCC docs/03-yeu-cau-theo-cap-do/ma-tran-yeu-cau-theo-cap-do.md,
 * to check against the standard from VSQI]: log retention, log review, 24/7 monitoring, SIEM tuning, vulnerability
 * scans, pentests, drills, inactive accounts, MFA. A threshold that a higher level tightens is one item per band
 * (`maxLevel`), so a level-4 system is never asked for the level-3 cadence as well. Each group's baseline item is
 * our short summary of the group [U].
 */
const MATRIX = 'TCVN 14423:2026 via VCC ma-tran-yeu-cau-theo-cap-do [G]';
const SUMMARY = 'TCVN 14423:2026; group baseline summarised from the VCC matrix [U]';

export const TCVN14423_2026_CATALOGUE: RequirementCatalogue = {
  id: 'tcvn14423-2026',
  version: '2026.1',
  name: 'TCVN 14423:2026 — yêu cầu bảo vệ an ninh mạng hệ thống thông tin theo cấp độ (cybersecurity requirements by level)',
  instruments: ['NĐ 331/2026/NĐ-CP', 'TCVN 14423:2026'],
  basis: 'Group structure and numeric thresholds from the VCC summary of TCVN 14423:2026 (checked 24/09/2026) [G]; not yet checked against the VSQI text. Titles are our summaries.',
  groups: [
    {
      id: 'tcvn14423.risk',
      name: 'Quản lý rủi ro (risk management)',
      kind: 'management',
      items: [
        {
          id: 'tcvn14423.risk.process',
          title: { vi: 'Quy trình quản lý rủi ro (nhận diện, phân tích, đánh giá, xử lý), rà soát định kỳ', en: 'Risk-management process (identify, analyse, evaluate, treat), reviewed periodically' },
          minLevel: 1,
          certainty: 'U',
          source: `${SUMMARY}, 3.1`,
        },
        {
          id: 'tcvn14423.risk.reassessment',
          title: { vi: 'Nhận diện lại rủi ro và đánh giá hiệu quả biện pháp kiểm soát định kỳ', en: 'Periodic re-identification of risks and review of control effectiveness' },
          minLevel: 3,
          certainty: 'U',
          source: `${SUMMARY}, 5.1.2`,
        },
      ],
    },
    {
      id: 'tcvn14423.hardware',
      name: 'Quản lý tài sản phần cứng (hardware assets)',
      kind: 'management',
      items: [
        {
          id: 'tcvn14423.hardware.inventory',
          title: { vi: 'Danh mục, kiểm kê tài sản phần cứng; phát hiện thiết bị kết nối trái phép', en: 'Hardware inventory; detection of unauthorised devices' },
          minLevel: 1,
          certainty: 'U',
          source: `${SUMMARY}, 3.2`,
        },
      ],
    },
    {
      id: 'tcvn14423.software',
      name: 'Quản lý tài sản phần mềm (software assets)',
      kind: 'management',
      items: [
        {
          id: 'tcvn14423.software.inventory',
          title: { vi: 'Danh mục phần mềm, chỉ dùng phần mềm được phép; phát hiện phần mềm trái phép', en: 'Software inventory and allow-list; detection of unauthorised software' },
          minLevel: 1,
          certainty: 'U',
          source: `${SUMMARY}, 3.3`,
        },
        {
          // From level 3 on, outsourced development moves to the secure-development group.
          id: 'tcvn14423.software.outsourced',
          title: { vi: 'Quản lý phần mềm thuê khoán (hợp đồng bảo mật, mã nguồn hoặc kiểm thử thay thế)', en: 'Outsourced software (confidentiality terms, source code or equivalent testing)' },
          minLevel: 2,
          maxLevel: 2,
          certainty: 'U',
          source: `${SUMMARY}, 4.3.2.3`,
        },
      ],
    },
    {
      id: 'tcvn14423.information',
      name: 'Quản lý tài sản thông tin (information assets)',
      kind: 'management',
      items: [
        {
          id: 'tcvn14423.information.inventory',
          title: { vi: 'Danh mục, phân quyền tài sản thông tin; mã hóa thông tin xác thực khi lưu', en: 'Information inventory and access matrix; credentials encrypted at rest' },
          minLevel: 1,
          certainty: 'U',
          source: `${SUMMARY}, 3.4`,
        },
        {
          id: 'tcvn14423.information.encryption-in-transit',
          title: { vi: 'Mã hóa dữ liệu quan trọng khi lưu và khi truyền; quản lý khóa', en: 'Important data encrypted at rest and in transit; key management' },
          minLevel: 3,
          certainty: 'U',
          source: `${SUMMARY}, 5.4.2`,
        },
      ],
    },
    {
      id: 'tcvn14423.configuration',
      name: 'Cấu hình an toàn (secure configuration)',
      kind: 'technical',
      items: [
        {
          id: 'tcvn14423.configuration.hardening',
          title: { vi: 'Cấu hình cơ sở an toàn (hardening), giao thức an toàn, tự khóa phiên', en: 'Secure baseline (hardening), secure protocols, session lock' },
          minLevel: 1,
          certainty: 'U',
          source: `${SUMMARY}, 3.5`,
        },
      ],
    },
    {
      id: 'tcvn14423.access',
      name: 'Quản lý tài khoản, truy cập (accounts and access)',
      kind: 'technical',
      items: [
        {
          id: 'tcvn14423.access.mfa',
          title: { vi: 'Xác thực đa yếu tố (MFA) cho truy cập từ xa và tài khoản quản trị', en: 'Multi-factor authentication for remote and administrative access' },
          minLevel: 1,
          certainty: 'G',
          source: `${MATRIX}, 3.6.2.4`,
        },
        {
          id: 'tcvn14423.access.disable-inactive-45d',
          title: { vi: 'Vô hiệu hóa tài khoản không hoạt động quá 45 ngày', en: 'Disable accounts inactive for 45 days' },
          minLevel: 1,
          certainty: 'G',
          source: `${MATRIX}, x.6.2.3`,
        },
        {
          id: 'tcvn14423.access.pam',
          title: { vi: 'Quản lý truy cập đặc quyền (PAM)', en: 'Privileged access management (PAM)' },
          minLevel: 4,
          certainty: 'U',
          source: `${SUMMARY}, 6.6.2.3`,
        },
      ],
    },
    {
      id: 'tcvn14423.vulnerability',
      name: 'Quản lý lỗ hổng bảo mật (vulnerabilities)',
      kind: 'technical',
      items: [
        {
          id: 'tcvn14423.vulnerability.scan-yearly',
          title: { vi: 'Rà quét lỗ hổng toàn hệ thống ít nhất 1 lần/năm', en: 'Vulnerability scan of the whole system at least yearly' },
          minLevel: 1,
          maxLevel: 2,
          certainty: 'G',
          source: `${MATRIX}, x.7.2.1`,
        },
        {
          id: 'tcvn14423.vulnerability.scan-6-monthly',
          title: { vi: 'Rà quét lỗ hổng toàn hệ thống ít nhất 6 tháng/lần', en: 'Vulnerability scan of the whole system at least every 6 months' },
          minLevel: 3,
          maxLevel: 4,
          certainty: 'G',
          source: `${MATRIX}, 5.7.2.1 · 6.7.2.1`,
        },
        {
          id: 'tcvn14423.vulnerability.scan-critical-quarterly',
          title: { vi: 'Rà quét lỗ hổng tài sản quan trọng ít nhất 1 lần/quý', en: 'Vulnerability scan of critical assets at least quarterly' },
          minLevel: 4,
          maxLevel: 4,
          certainty: 'G',
          source: `${MATRIX}, 6.7.2.1 a`,
        },
        {
          id: 'tcvn14423.vulnerability.scan-quarterly',
          title: { vi: 'Rà quét lỗ hổng toàn hệ thống ít nhất 1 lần/quý', en: 'Vulnerability scan of the whole system at least quarterly' },
          minLevel: 5,
          certainty: 'G',
          source: `${MATRIX}, 7.7.2.1`,
        },
        {
          id: 'tcvn14423.vulnerability.scan-critical-monthly',
          title: { vi: 'Rà quét lỗ hổng tài sản quan trọng ít nhất 1 lần/tháng', en: 'Vulnerability scan of critical assets at least monthly' },
          minLevel: 5,
          certainty: 'G',
          source: `${MATRIX}, 7.7.2.1 a`,
        },
      ],
    },
    {
      id: 'tcvn14423.logging',
      name: 'Nhật ký an ninh mạng (security logging)',
      kind: 'technical',
      items: [
        {
          id: 'tcvn14423.logging.policy',
          title: { vi: 'Quy định ghi nhật ký, các loại nhật ký tối thiểu, đồng bộ thời gian', en: 'Logging policy, minimum log types, time synchronisation' },
          minLevel: 1,
          certainty: 'U',
          source: `${SUMMARY}, 3.8`,
        },
        {
          id: 'tcvn14423.logging.review-yearly',
          title: { vi: 'Rà soát nhật ký ít nhất 1 lần/năm', en: 'Log review at least yearly' },
          minLevel: 1,
          maxLevel: 2,
          certainty: 'G',
          source: `${MATRIX}, x.8.2.1 a`,
        },
        {
          id: 'tcvn14423.logging.review-6-monthly',
          title: { vi: 'Rà soát nhật ký ít nhất 6 tháng/lần', en: 'Log review at least every 6 months' },
          minLevel: 3,
          maxLevel: 3,
          certainty: 'G',
          source: `${MATRIX}, 5.8.2.1 a`,
        },
        {
          id: 'tcvn14423.logging.review-monthly',
          title: { vi: 'Rà soát nhật ký ít nhất 1 lần/tháng', en: 'Log review at least monthly' },
          minLevel: 4,
          certainty: 'G',
          source: `${MATRIX}, 6.8.2.1 a · 7.8.2.1 a`,
        },
        {
          id: 'tcvn14423.logging.retention-1-month',
          title: { vi: 'Lưu nhật ký tối thiểu 1 tháng', en: 'Keep logs at least 1 month' },
          minLevel: 2,
          maxLevel: 2,
          certainty: 'G',
          source: `${MATRIX}, 4.8.2.1 a`,
        },
        {
          id: 'tcvn14423.logging.retention-3-months-central',
          title: { vi: 'Lưu nhật ký tập trung (SIEM) tối thiểu 3 tháng', en: 'Keep logs centrally (SIEM) at least 3 months' },
          minLevel: 3,
          maxLevel: 3,
          certainty: 'G',
          source: `${MATRIX}, 5.8.2.1 a`,
        },
        {
          id: 'tcvn14423.logging.retention-6-months-immutable',
          title: { vi: 'Lưu nhật ký tối thiểu 6 tháng, bất biến, tách vùng mạng', en: 'Keep logs at least 6 months, immutable, in a separate network zone' },
          minLevel: 4,
          maxLevel: 4,
          certainty: 'G',
          source: `${MATRIX}, 6.8.2.1 a`,
        },
        {
          id: 'tcvn14423.logging.retention-12-months',
          title: { vi: 'Lưu nhật ký tối thiểu 12 tháng', en: 'Keep logs at least 12 months' },
          minLevel: 5,
          certainty: 'G',
          source: `${MATRIX}, 7.8.2.1 a`,
        },
      ],
    },
    {
      id: 'tcvn14423.browser-email',
      name: 'An toàn trình duyệt, thư điện tử (browsers and email)',
      kind: 'technical',
      items: [
        {
          id: 'tcvn14423.browser-email.baseline',
          title: { vi: 'Trình duyệt, ứng dụng thư được phép và còn hỗ trợ; lọc tên miền', en: 'Approved, supported browsers and mail clients; domain filtering' },
          minLevel: 1,
          certainty: 'U',
          source: `${SUMMARY}, 3.9`,
        },
      ],
    },
    {
      id: 'tcvn14423.malware',
      name: 'Phòng chống mã độc (malware defence)',
      kind: 'technical',
      items: [
        {
          id: 'tcvn14423.malware.realtime-protection',
          title: { vi: 'Phần mềm chống mã độc thời gian thực trên máy chủ, máy trạm', en: 'Real-time anti-malware on servers and workstations' },
          minLevel: 1,
          certainty: 'U',
          source: `${SUMMARY}, 3.10`,
        },
        {
          id: 'tcvn14423.malware.edr',
          title: { vi: 'Giải pháp EDR kết nối với SIEM', en: 'EDR connected to the SIEM' },
          minLevel: 3,
          certainty: 'U',
          source: `${SUMMARY}, 5.10.2.4`,
        },
      ],
    },
    {
      id: 'tcvn14423.backup',
      name: 'Sao lưu, khôi phục (backup and recovery)',
      kind: 'technical',
      items: [
        {
          id: 'tcvn14423.backup.policy',
          title: { vi: 'Quy định sao lưu, bảo vệ bản sao lưu, khôi phục thử định kỳ', en: 'Backup policy, protected copies, periodic restore tests' },
          minLevel: 1,
          certainty: 'U',
          source: `${SUMMARY}, 3.11`,
        },
        {
          id: 'tcvn14423.backup.3-2-1',
          title: { vi: 'Sao lưu tự động, tập trung theo quy tắc 3-2-1', en: 'Automatic, central backups following the 3-2-1 rule' },
          minLevel: 3,
          certainty: 'U',
          source: `${SUMMARY}, 5.11.2`,
        },
      ],
    },
    {
      id: 'tcvn14423.network',
      name: 'Hạ tầng mạng (network infrastructure)',
      kind: 'technical',
      items: [
        {
          id: 'tcvn14423.network.baseline',
          title: { vi: 'Sơ đồ mạng; tường lửa có IPS; VPN cho truy cập từ xa', en: 'Network diagram; firewall with IPS; VPN for remote access' },
          minLevel: 1,
          certainty: 'U',
          source: `${SUMMARY}, 3.12`,
        },
        {
          id: 'tcvn14423.network.waf-zones',
          title: { vi: 'Tường lửa ứng dụng web (WAF); phân vùng mạng tối thiểu có DMZ', en: 'Web application firewall; minimum network zones including a DMZ' },
          minLevel: 2,
          certainty: 'U',
          source: `${SUMMARY}, 4.12.2.2`,
        },
      ],
    },
    {
      id: 'tcvn14423.monitoring',
      name: 'Giám sát, phòng thủ (monitoring and defence)',
      kind: 'technical',
      minLevel: 3,
      items: [
        {
          id: 'tcvn14423.monitoring.siem',
          title: { vi: 'Giám sát tập trung thiết bị, máy chủ, ứng dụng bằng SIEM', en: 'Central monitoring of devices, servers and applications with a SIEM' },
          minLevel: 3,
          certainty: 'G',
          source: `${MATRIX}, 5.13`,
        },
        {
          id: 'tcvn14423.monitoring.tuning-6-monthly',
          title: { vi: 'Tinh chỉnh ngưỡng cảnh báo SIEM ít nhất 6 tháng/lần', en: 'Tune SIEM alert thresholds at least every 6 months' },
          minLevel: 3,
          maxLevel: 3,
          certainty: 'G',
          source: `${MATRIX}, 5.13.2.5`,
        },
        {
          id: 'tcvn14423.monitoring.tuning-quarterly',
          title: { vi: 'Tinh chỉnh ngưỡng cảnh báo SIEM ít nhất 1 lần/quý', en: 'Tune SIEM alert thresholds at least quarterly' },
          minLevel: 4,
          maxLevel: 4,
          certainty: 'G',
          source: `${MATRIX}, 6.13.2.5`,
        },
        {
          id: 'tcvn14423.monitoring.tuning-monthly',
          title: { vi: 'Tinh chỉnh ngưỡng cảnh báo SIEM ít nhất 1 lần/tháng', en: 'Tune SIEM alert thresholds at least monthly' },
          minLevel: 5,
          certainty: 'G',
          source: `${MATRIX}, 7.13.2.6`,
        },
        {
          id: 'tcvn14423.monitoring.24x7',
          title: { vi: 'Giám sát an ninh mạng 24/7', en: '24/7 security monitoring' },
          minLevel: 4,
          certainty: 'G',
          source: `${MATRIX}, 6.13.2.1 c · 7.13.2.1 c`,
        },
      ],
    },
    {
      id: 'tcvn14423.personnel',
      name: 'Nhân sự (personnel)',
      kind: 'management',
      items: [
        {
          id: 'tcvn14423.personnel.awareness',
          title: { vi: 'Nhân sự phụ trách, cam kết bảo mật, đào tạo nhận thức hằng năm', en: 'Named staff, confidentiality undertakings, yearly awareness training' },
          minLevel: 1,
          certainty: 'U',
          source: `${SUMMARY}, 3.13`,
        },
      ],
    },
    {
      id: 'tcvn14423.suppliers',
      name: 'Quản lý nhà cung cấp (suppliers)',
      kind: 'management',
      items: [
        {
          id: 'tcvn14423.suppliers.register',
          title: { vi: 'Danh sách, phân loại nhà cung cấp và phân định trách nhiệm, cập nhật hằng năm', en: 'Supplier register, classification and responsibilities, updated yearly' },
          minLevel: 1,
          certainty: 'U',
          source: `${SUMMARY}, 3.14`,
        },
      ],
    },
    {
      id: 'tcvn14423.incident-response',
      name: 'Ứng phó sự cố (incident response)',
      kind: 'management',
      items: [
        {
          id: 'tcvn14423.incident-response.plan',
          title: { vi: 'Đầu mối, quy trình báo cáo và ứng phó sự cố, cập nhật hằng năm', en: 'Focal contacts, incident reporting and response procedure, updated yearly' },
          minLevel: 1,
          certainty: 'U',
          source: `${SUMMARY}, 3.15`,
        },
        {
          id: 'tcvn14423.incident-response.drill-periodic',
          title: { vi: 'Diễn tập ứng phó sự cố định kỳ (tần suất do tổ chức ấn định)', en: 'Periodic incident-response drills (cadence set by the organisation)' },
          minLevel: 3,
          maxLevel: 3,
          certainty: 'G',
          source: `${MATRIX}, 5.16.1`,
        },
        {
          id: 'tcvn14423.incident-response.drill-yearly',
          title: { vi: 'Diễn tập ứng phó sự cố ít nhất 1 lần/năm', en: 'Incident-response drill at least yearly' },
          minLevel: 4,
          certainty: 'G',
          source: `${MATRIX}, 6.17.2.6 · 7.17.2.6`,
        },
      ],
    },
    {
      id: 'tcvn14423.secure-development',
      name: 'Phát triển ứng dụng an toàn (secure development)',
      kind: 'management',
      minLevel: 3,
      items: [
        {
          id: 'tcvn14423.secure-development.sdlc',
          title: { vi: 'Quy trình phát triển an toàn; kiểm tra lỗ hổng mã nguồn, thư viện trước khi vận hành', en: 'Secure development lifecycle; code and dependency checks before go-live' },
          minLevel: 3,
          certainty: 'U',
          source: `${SUMMARY}, 5.17`,
        },
        {
          id: 'tcvn14423.secure-development.pentest-before-go-live',
          title: { vi: 'Kiểm thử xâm nhập trước khi vận hành chính thức; SBOM', en: 'Penetration test before go-live; software bill of materials' },
          minLevel: 4,
          certainty: 'U',
          source: `${SUMMARY}, 6.16.2`,
        },
      ],
    },
    {
      id: 'tcvn14423.security-testing',
      name: 'Kiểm tra an ninh mạng, kiểm thử xâm nhập (security testing)',
      kind: 'technical',
      minLevel: 3,
      items: [
        {
          id: 'tcvn14423.security-testing.programme',
          title: { vi: 'Chương trình kiểm thử xâm nhập do tổ chức ấn định tần suất; khắc phục và đánh giá lại', en: 'Own penetration-testing programme; fix and re-test' },
          minLevel: 3,
          maxLevel: 3,
          certainty: 'G',
          source: `${MATRIX}, 5.18`,
        },
        {
          id: 'tcvn14423.security-testing.pentest-yearly',
          title: { vi: 'Kiểm thử xâm nhập từ bên ngoài và bên trong, mỗi loại ít nhất 1 lần/năm', en: 'External and internal penetration tests, each at least yearly' },
          minLevel: 4,
          maxLevel: 4,
          certainty: 'G',
          source: `${MATRIX}, 6.18.2.2 · 6.18.2.5`,
        },
        {
          id: 'tcvn14423.security-testing.pentest-6-monthly',
          title: { vi: 'Kiểm thử xâm nhập từ bên ngoài và bên trong, mỗi loại ít nhất 6 tháng/lần', en: 'External and internal penetration tests, each at least every 6 months' },
          minLevel: 5,
          certainty: 'G',
          source: `${MATRIX}, 7.18.2.2 · 7.18.2.5`,
        },
      ],
    },
  ],
};
