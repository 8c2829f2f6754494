import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

/** A report as data: what every Vietnamese PDF we produce is made of. */
export interface DocumentSpec {
  /** Small lines above the title: the issuing authority, the province. */
  header?: string[];
  title: string;
  subtitle?: string;
  sections: DocumentSection[];
  /** Shown in the PDF's metadata. */
  author?: string;
}

export interface DocumentSection {
  heading: string;
  /** Label–value pairs, e.g. the fields of an incident report. */
  fields?: Array<[label: string, value: string]>;
  paragraphs?: string[];
  table?: { columns: string[]; rows: string[][] };
}

// DejaVu covers Vietnamese (precomposed and combining marks); it ships as an npm dependency, so the PDF does
// not depend on fonts installed on the machine.
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = join(FONT_DIR, 'DejaVuSans.ttf');
const BOLD = join(FONT_DIR, 'DejaVuSans-Bold.ttf');
const MARGIN = 50;

/** Renders the document to PDF bytes (A4, text selectable and extractable). */
export function renderPdf(spec: DocumentSpec): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: spec.title, Author: spec.author ?? '', Creator: 'SOC' } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('regular', REGULAR);
    doc.registerFont('bold', BOLD);
    const width = doc.page.width - 2 * MARGIN;

    for (const line of spec.header ?? []) doc.font('bold').fontSize(10).text(line, { align: 'center', width });
    if (spec.header?.length) doc.moveDown();
    doc.font('bold').fontSize(15).text(spec.title, { align: 'center', width });
    if (spec.subtitle) doc.font('regular').fontSize(10).text(spec.subtitle, { align: 'center', width });
    doc.moveDown();

    for (const section of spec.sections) {
      doc.font('bold').fontSize(12).text(section.heading, { width });
      doc.moveDown(0.3);
      for (const [label, value] of section.fields ?? []) {
        doc.font('bold').fontSize(10).text(`${label}: `, { continued: true, width }).font('regular').text(value || '—');
      }
      for (const paragraph of section.paragraphs ?? []) doc.font('regular').fontSize(10).text(paragraph, { width, align: 'justify' }).moveDown(0.3);
      if (section.table) table(doc, section.table, width);
      doc.moveDown();
    }
    doc.end();
  });
}

/** A plain table: equal columns, wrapped cells, a new page when a row does not fit. */
function table(doc: PDFKit.PDFDocument, { columns, rows }: { columns: string[]; rows: string[][] }, width: number): void {
  const columnWidth = width / columns.length;
  const drawRow = (cells: string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(8);
    const height = Math.max(...cells.map((cell) => doc.heightOfString(cell || '—', { width: columnWidth - 6 }))) + 6;
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    cells.forEach((cell, i) => {
      const left = MARGIN + i * columnWidth;
      doc.rect(left, top, columnWidth, height).stroke();
      doc.text(cell || '—', left + 3, top + 3, { width: columnWidth - 6 });
    });
    doc.x = MARGIN;
    doc.y = top + height;
  };
  drawRow(columns, 'bold');
  for (const row of rows) drawRow(row, 'regular');
}
