import { type CsvProblem, readCsv } from './csv-reader';
import { fromSpreadsheetCell } from './csv-writer';

/** A data row by column name: `undefined` when the file has no such column (so "leave unchanged"). */
export interface CsvTableRow<Column extends string> {
  line: number;
  cell(column: Column): string | undefined;
}

export interface CsvTable<Column extends string> {
  columns: ReadonlySet<Column>;
  rows: Array<CsvTableRow<Column>>;
  problems: CsvProblem[];
}

/**
 * A CSV file whose first record names its columns, read against the columns an import knows. An unknown
 * or repeated column name is a problem (a typo would otherwise silently leave data unchanged), as is a
 * row whose field count differs from the header's. Cells come back as written, minus the formula guard.
 */
export function readCsvTable<Column extends string>(text: string, known: readonly Column[], required: readonly Column[]): CsvTable<Column> {
  const { records, problems } = readCsv(text);
  const [header, ...data] = records;
  if (!header) return { columns: new Set(), rows: [], problems: [...problems, { line: 1, reason: `empty file: expected a header row (${known.join(',')})` }] };
  const index = new Map<Column, number>();
  header.cells.forEach((raw, position) => {
    const name = raw.trim().toLowerCase();
    if (!(known as readonly string[]).includes(name)) problems.push({ line: header.line, reason: `unknown column '${raw}' (known: ${known.join(', ')})` });
    else if (index.has(name as Column)) problems.push({ line: header.line, reason: `column '${name}' appears twice` });
    else index.set(name as Column, position);
  });
  for (const column of required) if (!index.has(column)) problems.push({ line: header.line, reason: `missing column '${column}'` });
  const rows: Array<CsvTableRow<Column>> = [];
  for (const record of data) {
    if (record.cells.length !== header.cells.length) {
      problems.push({ line: record.line, reason: `${record.cells.length} fields but the header has ${header.cells.length}; quote fields that contain a comma` });
      continue;
    }
    rows.push({
      line: record.line,
      cell: (column) => {
        const position = index.get(column);
        return position === undefined ? undefined : fromSpreadsheetCell(record.cells[position]!.trim());
      },
    });
  }
  return { columns: new Set(index.keys()), rows, problems: problems.sort((a, b) => a.line - b.line) };
}
