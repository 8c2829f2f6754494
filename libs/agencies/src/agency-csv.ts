import type { AgencyChanges, AgencyRecord } from './agency';
import { AGENCY_ID, UpdateAgencyRequest } from './agency.dto';
import { type CsvProblem, readCsvTable, toSpreadsheetCell, validateAs, writeCsv } from './csv';

/**
 * The agencies table as officers keep it in Excel. Contacts and the security unit are JSON in their
 * cell (the same shape as the API), so a round trip loses nothing.
 */
export const AGENCY_COLUMNS = ['id', 'name', 'kind', 'parent_id', 'ir_contacts', 'security_unit'] as const;
type AgencyColumn = (typeof AGENCY_COLUMNS)[number];

export function agenciesCsv(agencies: readonly AgencyRecord[]): string {
  return writeCsv(
    AGENCY_COLUMNS,
    agencies.map((a) => [a.id, a.name, a.kind, a.parentId ?? '', JSON.stringify(a.irContacts), a.securityUnit ? JSON.stringify(a.securityUnit) : ''].map(toSpreadsheetCell)),
  );
}

export interface AgencyImportRow {
  line: number;
  id: string;
  /** Only the columns the file has. */
  changes: AgencyChanges;
}

/** Rows of an agencies CSV, each validated like `PATCH /api/v1/agencies/{id}`; every bad row is a problem with its line. */
export function parseAgenciesCsv(text: string): { rows: AgencyImportRow[]; problems: CsvProblem[] } {
  const table = readCsvTable<AgencyColumn>(text, AGENCY_COLUMNS, ['id']);
  const problems = [...table.problems];
  const rows: AgencyImportRow[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const id = row.cell('id') ?? '';
    const reasons: string[] = [];
    if (!AGENCY_ID.test(id)) reasons.push(`id '${id}' must be lower-case letters, digits, . _ - (at most 64)`);
    else if (seen.has(id)) reasons.push(`id ${id} is already on line ${seen.get(id)}`);
    seen.set(id, row.line);
    const plain: Record<string, unknown> = {};
    const text = (column: AgencyColumn, field: keyof AgencyChanges, empty: unknown) => {
      const cell = row.cell(column);
      if (cell !== undefined) plain[field] = cell === '' ? empty : cell;
    };
    // An empty name or kind is refused by the validators, not taken as "unchanged".
    text('name', 'name', '');
    text('kind', 'kind', '');
    text('parent_id', 'parentId', null);
    for (const [column, field, empty] of [['ir_contacts', 'irContacts', []], ['security_unit', 'securityUnit', null]] as const) {
      const cell = row.cell(column);
      if (cell === undefined) continue;
      if (cell === '') plain[field] = empty;
      else {
        try {
          plain[field] = JSON.parse(cell) as unknown;
        } catch {
          reasons.push(`${column}: not valid JSON`);
        }
      }
    }
    const validated = validateAs(UpdateAgencyRequest, plain);
    if ('errors' in validated) reasons.push(...validated.errors);
    if (reasons.length > 0) problems.push({ line: row.line, reason: reasons.join('; ') });
    else if ('value' in validated) rows.push({ line: row.line, id, changes: { ...validated.value } });
  }
  return { rows, problems };
}
