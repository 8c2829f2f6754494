/** Lines of a text file; a trailing newline does not make an extra empty record. */
export function linesOf(text: string): string[] {
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** RFC 4180 rows (quoted fields may hold commas, quotes and newlines). */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field.endsWith('\r') ? field.slice(0, -1) : field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field.length > 0 || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Wazuh ruleset test files: `log N pass|fail = <raw line>` in `[sections]` that name the decoder. */
export function wazuhTests(text: string): Array<{ line: string; decoder: string }> {
  const tests: Array<{ line: string; decoder: string }> = [];
  let pending: string[] = [];
  for (const raw of linesOf(text)) {
    const log = /^log \d+ (?:pass|fail) = (.*)$/.exec(raw);
    if (log) pending.push(log[1]!);
    const decoder = /^decoder\s*=\s*(.*)$/.exec(raw);
    if (decoder) {
      for (const line of pending) tests.push({ line, decoder: decoder[1]!.trim() });
      pending = [];
    }
    if (raw.startsWith('[')) pending = [];
  }
  return tests;
}
