/**
 * Rows for PostgreSQL `COPY ... FROM STDIN` in its text format. Chosen over CSV because our widest field
 * is a JSON document: CSV must double every quote in it (every key has two), text format only escapes
 * backslashes and control characters, which JSON output rarely contains — the cheapest row to build.
 */
const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPED = /[\\\t\n\r]/g;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One field: NULL is `\N`; backslash, tab, newline and carriage return are escaped. */
export function copyField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  const text = String(value);
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPED, (c) => ESCAPES[c]!) : text;
}

export function copyRow(values: ReadonlyArray<string | number | null | undefined>): string {
  let row = '';
  for (let i = 0; i < values.length; i++) row += (i === 0 ? '' : '\t') + copyField(values[i]);
  return row + '\n';
}
