import { pdfText } from '../../../test/support/pdf-text';
import { renderPdf } from '../src';

describe('Vietnamese PDF documents', () => {
  it('renders fields, paragraphs and tables whose text extracts back, diacritics included', async () => {
    const pdf = await renderPdf({
      header: ['CÔNG AN TỈNH SƠN HÀ'],
      title: 'BÁO CÁO BAN ĐẦU SỰ CỐ AN TOÀN THÔNG TIN MẠNG',
      subtitle: 'Số: 01/BC-SOC',
      sections: [
        { heading: 'I. Thông tin chung', fields: [['Tên hệ thống', 'Cổng Dịch vụ công tỉnh'], ['Cấp độ', '4']] },
        { heading: 'II. Mô tả', paragraphs: ['Phát hiện dò mật khẩu SSH từ địa chỉ 203.0.113.66.'] },
        { heading: 'III. Chi tiết', table: { columns: ['Loại', 'Giá trị'], rows: Array.from({ length: 80 }, (_, i) => ['ip', `198.51.100.${i}`]) } },
      ],
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, pages } = await pdfText(pdf);
    expect(pages).toBeGreaterThan(1); // the long table broke onto a second page
    for (const expected of ['CÔNG AN TỈNH SƠN HÀ', 'BÁO CÁO BAN ĐẦU SỰ CỐ AN TOÀN THÔNG TIN MẠNG', 'Tên hệ thống', 'Cổng Dịch vụ công tỉnh', 'dò mật khẩu SSH', '198.51.100.79']) {
      expect(text).toContain(expected);
    }
  });
});
