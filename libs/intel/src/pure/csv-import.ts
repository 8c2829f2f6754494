import { clipDescription, type ImportedIndicator, type ImportResult, isSeverity, type Rejection } from './indicator';
import { normalizeIndicator, parseIndicatorType, TYPE_NAMES } from './normalize';
import { DEFAULT_LOCAL_OFFSET_MINUTES, parseValidUntil } from './valid-until';

export interface CsvImportOptions {
  /** Offset of the zone in which dates and times without a zone are read; default UTC+07:00. */
  localOffsetMinutes?: number;
}

const COLUMNS = ['type', 'value', 'severity', 'description', 'valid_until'] as const;
type Column = (typeof COLUMNS)[number];
const HEADER_HINT = 'type,value,severity,description,valid_until';

interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Indicators from CSV text (UTF-8). Either a header row naming the columns — `value`, and any of
 * `type` (inferred from the value when absent or empty), `severity`, `description`, `valid_until`;
 * other columns are ignored; `,`, `;` or tab separated, RFC 4180 quoting — or, without a header, one
 * value per line with its type inferred. Blank lines and lines starting with `#` are skipped. Every
 * other row that cannot be used comes back as a rejection naming its line; nothing throws.
 */
export function importCsv(text: string, options: CsvImportOptions = {}): ImportResult {
  const offset = options.localOffsetMinutes ?? DEFAULT_LOCAL_OFFSET_MINUTES;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const indicators: ImportedIndicator[] = [];
  const rejected: Rejection[] = [];
  const first = lines.findIndex((line) => !skippable(line));
  if (first < 0) return { indicators, rejected, ignored: {} };

  const header = headerOf(lines[first]!);
  if (!header) {
    // One value per line: a value may hold commas (URLs), so the line is not split.
    lines.forEach((raw, index) => {
      if (skippable(raw)) return;
      const where = `line ${index + 1}`;
      const value = unquoteWhole(raw.trim());
      const normalized = normalizeIndicator(value);
      if (normalized.ok) indicators.push({ type: normalized.type, value: normalized.value, where });
      else rejected.push({ where, reason: value.includes(',') || value.includes(';') ? `${normalized.reason}; a file with several columns needs a header row (${HEADER_HINT})` : normalized.reason });
    });
    return { indicators, rejected, ignored: {} };
  }

  for (const record of records(lines, first + 1, header.separator, rejected)) {
    const where = `line ${record.line}`;
    if (record.cells.length > header.width) {
      rejected.push({ where, reason: `${record.cells.length} fields but the header has ${header.width}; quote fields that contain '${header.separator === '\t' ? '\\t' : header.separator}'` });
      continue;
    }
    const cell = (column: Column) => {
      const index = header.columns.get(column);
      return index === undefined ? '' : (record.cells[index] ?? '').trim();
    };
    const result = rowOf(cell, offset);
    if ('reason' in result) rejected.push({ where, reason: result.reason });
    else indicators.push({ ...result, where });
  }
  return { indicators, rejected, ignored: {} };
}

function rowOf(cell: (column: Column) => string, offset: number): Omit<ImportedIndicator, 'where'> | { reason: string } {
  const value = cell('value');
  if (value === '') return { reason: 'empty value' };
  const typeText = cell('type');
  const type = typeText === '' ? undefined : parseIndicatorType(typeText);
  if (typeText !== '' && !type) return { reason: `unknown type '${typeText}' (${TYPE_NAMES})` };
  const normalized = normalizeIndicator(value, type);
  if (!normalized.ok) return { reason: normalized.reason };
  const severityText = cell('severity').toLowerCase();
  if (severityText !== '' && !isSeverity(severityText)) return { reason: `unknown severity '${cell('severity')}' (low, medium, high, critical)` };
  const validText = cell('valid_until');
  const validUntil = validText === '' ? undefined : parseValidUntil(validText, offset);
  if (validText !== '' && !validUntil) return { reason: `valid_until '${validText}' is not a date (YYYY-MM-DD) or ISO 8601 time` };
  const description = clipDescription(cell('description'));
  return {
    type: normalized.type,
    value: normalized.value,
    ...(severityText === '' ? {} : { severity: severityText as ImportedIndicator['severity'] }),
    ...(description === undefined ? {} : { description }),
    ...(validUntil === undefined ? {} : { validUntil }),
  };
}

function skippable(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('#');
}

/** The header, if the first row is one: it names a `value` column. */
function headerOf(line: string): { separator: string; columns: Map<Column, number>; width: number } | undefined {
  for (const separator of [',', ';', '\t']) {
    const names = splitRecord(line, separator).map((name) => name.trim().toLowerCase().replace(/[\s-]+/g, '_'));
    if (!names.includes('value')) continue;
    const columns = new Map<Column, number>();
    names.forEach((name, index) => {
      if ((COLUMNS as readonly string[]).includes(name) && !columns.has(name as Column)) columns.set(name as Column, index);
    });
    return { separator, columns, width: names.length };
  }
  return undefined;
}

/** One line split on the separator, honouring quotes (no line breaks inside: used for the header only). */
function splitRecord(line: string, separator: string): string[] {
  const record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (char === separator) {
      record.push(field);
      field = '';
    } else field += char;
  }
  record.push(field);
  return record;
}

/**
 * RFC 4180 records from `lines[from..]`, numbered by the line they start on; a quoted field may span
 * lines. An unterminated quote is reported (the rest of the text was inside it) instead of guessed at.
 */
function* records(lines: string[], from: number, separator: string, rejected: Rejection[]): Generator<CsvRecord> {
  for (let index = from; index < lines.length; index++) {
    if (skippable(lines[index]!)) continue;
    const start = index;
    let text = lines[index]!;
    // Extend over line breaks while a quote is open.
    while (openQuote(text, separator) && index + 1 < lines.length) text += `\n${lines[++index]!}`;
    if (openQuote(text, separator)) {
      rejected.push({ where: `line ${start + 1}`, reason: `unterminated quoted field: lines ${start + 1}–${lines.length} were not read` });
      return;
    }
    yield { line: start + 1, cells: splitRecord(text, separator) };
  }
}

function openQuote(text: string, separator: string): boolean {
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') i++;
      else if (char === '"') quoted = false;
    } else if (char === '"' && fieldStart) {
      quoted = true;
    } else if (char === separator) {
      fieldStart = true;
      continue;
    } else if (char !== ' ') fieldStart = false;
    if (quoted) fieldStart = false;
  }
  return quoted;
}

function unquoteWhole(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1).replace(/""/g, '"') : value;
}
