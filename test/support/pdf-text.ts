import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

// pdf-parse (pdf.js) loads its worker with a dynamic import, which jest's module VM refuses: extract in a child process.
const EXTRACT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c)).on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  const result = await parser.getText();
  await parser.destroy();
  process.stdout.write(JSON.stringify({ text: result.text, pages: result.total }));
});`;

/** The text of a PDF and its page count, as a reader would extract it (NFC-normalised). */
export async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error(`not a PDF: ${pdf.subarray(0, 200).toString('utf8')}`);
  const child = run(process.execPath, ['-e', EXTRACT], { maxBuffer: 64 * 1024 * 1024 });
  child.child.stdin!.end(pdf);
  const { stdout } = await child.catch((error: { stderr?: string }) => {
    // pdf.js is minified: its stack trace is one enormous line; keep the message.
    throw new Error(`PDF text extraction failed: ${(error.stderr ?? '').split('\n').filter((l) => /Error/.test(l) && l.length < 500).join(' | ')}`);
  });
  const parsed = JSON.parse(stdout) as { text: string; pages: number };
  return { text: parsed.text.normalize('NFC'), pages: parsed.pages };
}
