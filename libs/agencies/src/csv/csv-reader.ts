/** One CSV record and the line (1-based) it starts on, for error messages. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvProblem {
  line: number;
  reason: string;
}

export interface CsvReadResult {
  records: CsvRecord[];
  problems: CsvProblem[];
}

/**
 * RFC 4180 records from CSV text: a leading UTF-8 BOM is dropped (Excel writes one), records end at CRLF,
 * LF or CR, a quoted field may hold separators, doubled quotes and line breaks. Blank lines are skipped.
 * A quote left open, or text after a closing quote, is reported with its line rather than guessed at:
 * an import must not read a different table than the officer saw in Excel.
 */
export function readCsv(text: string, separator = ','): CsvReadResult {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let line = 1;
  let i = 0;
  while (i < input.length) {
    const start = line;
    const cells: string[] = [];
    let field = '';
    let broken: string | undefined;
    for (;;) {
      if (input[i] === '"') {
        const quoteLine = line;
        i++;
        let closed = false;
        while (i < input.length) {
          const char = input[i]!;
          if (char === '"' && input[i + 1] === '"') {
            field += '"';
            i += 2;
          } else if (char === '"') {
            i++;
            closed = true;
            break;
          } else {
            if (char === '\n' || (char === '\r' && input[i + 1] !== '\n')) line++;
            field += char;
            i++;
          }
        }
        if (!closed) {
          problems.push({ line: quoteLine, reason: `unterminated quoted field: lines ${quoteLine}–${line} were not read` });
          return { records, problems };
        }
        if (i < input.length && input[i] !== separator && input[i] !== '\r' && input[i] !== '\n') {
          broken ??= `text after a closing quote in field ${cells.length + 1}; double a quote inside a quoted field ("")`;
          while (i < input.length && input[i] !== separator && input[i] !== '\r' && input[i] !== '\n') i++;
        }
      } else {
        while (i < input.length && input[i] !== separator && input[i] !== '\r' && input[i] !== '\n') field += input[i++];
      }
      cells.push(field);
      field = '';
      if (input[i] === separator) {
        i++;
        continue;
      }
      break;
    }
    // End of record: CRLF, LF, CR or end of text.
    if (input[i] === '\r') i++;
    if (input[i] === '\n') i++;
    line++;
    if (broken) problems.push({ line: start, reason: broken });
    else if (!(cells.length === 1 && cells[0] === '')) records.push({ line: start, cells });
  }
  return { records, problems };
}
