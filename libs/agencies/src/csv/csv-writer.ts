/**
 * CSV text Excel opens correctly as UTF-8 (Vietnamese names intact): a BOM first, CRLF after every
 * record, RFC 4180 quoting of fields holding a separator, quote or line break, or edge spaces.
 */
export function writeCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return '\uFEFF' + [header, ...rows].map((row) => row.map(quoteField).join(',') + '\r\n').join('');
}

function quoteField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`
 * (OWASP CSV injection advice), so an exported registry cannot carry a formula to whoever opens it.
 * `fromSpreadsheetCell` undoes exactly this on import, so an export re-imports unchanged.
 */
export function toSpreadsheetCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function fromSpreadsheetCell(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
