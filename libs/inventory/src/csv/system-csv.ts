import { type CsvProblem, type CsvTableRow, readCsvTable, toSpreadsheetCell, validateAs, writeCsv } from '@soc/agencies';
import type { SystemChanges, SystemRecord } from '../system-profile';
import { UpdateSystemRequest } from '../systems.dto';

/**
 * The systems register as officers keep it in Excel: one row per system, its assets joined by `;`.
 * The approved level and the dossier are exported for reading; an import may not change them (they move
 * through the dossier), so a re-imported export is accepted as it is.
 */
export const SYSTEM_COLUMNS = [
  'id',
  'agency_id',
  'name',
  'owner',
  'operator',
  'security_unit',
  'system_type',
  'information_types',
  'data_subjects',
  'sensitive_personal_data',
  'public_service_level',
  'operates_24x7',
  'go_live',
  'nationally_important',
  'national_connected',
  'national_connected_on',
  'regulation_status',
  'regime_id',
  'security_level',
  'dossier_status',
  'proposed_level',
  'decision_number',
  'decision_date',
  'approver',
  'assets',
] as const;
export type SystemColumn = (typeof SYSTEM_COLUMNS)[number];

type ProfileField = Exclude<keyof SystemChanges, 'securityLevel' | 'name'>;
type CellKind = 'text' | 'choice' | 'list' | 'integer' | 'boolean' | 'date';

/** Editable columns: the request field each fills, and how its cell is read. */
const EDITABLE: ReadonlyArray<readonly [SystemColumn, ProfileField | 'name', CellKind]> = [
  ['name', 'name', 'choice'],
  ['owner', 'owner', 'text'],
  ['operator', 'operator', 'text'],
  ['security_unit', 'securityUnit', 'text'],
  ['system_type', 'systemType', 'text'],
  ['information_types', 'informationTypes', 'list'],
  ['data_subjects', 'dataSubjects', 'integer'],
  ['sensitive_personal_data', 'sensitivePersonalData', 'boolean'],
  ['public_service_level', 'publicServiceLevel', 'integer'],
  ['operates_24x7', 'operates24x7', 'boolean'],
  ['go_live', 'goLive', 'date'],
  ['nationally_important', 'nationallyImportant', 'boolean'],
  ['national_connected', 'nationalConnected', 'boolean'],
  ['national_connected_on', 'nationalConnectedOn', 'date'],
  ['regulation_status', 'regulationStatus', 'choice'],
  ['regime_id', 'regimeId', 'choice'],
];

const READ_ONLY: ReadonlyArray<readonly [SystemColumn, (s: SystemRecord) => CellValue]> = [
  ['security_level', (s) => s.securityLevel],
  ['dossier_status', (s) => s.dossier.status],
  ['proposed_level', (s) => s.dossier.proposedLevel],
  ['decision_number', (s) => s.dossier.decisionNumber],
  ['decision_date', (s) => s.dossier.decisionDate],
  ['approver', (s) => s.dossier.approver],
];

type CellValue = string | number | boolean | null | readonly string[];

const cellOf = (value: CellValue): string =>
  value === null ? '' : typeof value === 'object' ? value.join(';') : typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value);

export function systemsCsv(systems: readonly SystemRecord[], assets: ReadonlyMap<string, readonly string[]>): string {
  return writeCsv(
    SYSTEM_COLUMNS,
    systems.map((system) => SYSTEM_COLUMNS.map((column) => toSpreadsheetCell(cellOf(exportedValue(system, column, assets.get(system.id) ?? []))))),
  );
}

function exportedValue(system: SystemRecord, column: SystemColumn, assets: readonly string[]): CellValue {
  if (column === 'id') return system.id;
  if (column === 'agency_id') return system.agencyId;
  if (column === 'assets') return assets;
  const editable = EDITABLE.find(([name]) => name === column);
  if (editable) return system[editable[1]];
  return READ_ONLY.find(([name]) => name === column)![1](system);
}

export interface SystemImportRow {
  line: number;
  id: string;
  /** Empty or absent: keep the stored agency (a new system needs one). */
  agencyId?: string;
  /** Only the columns the file has. */
  changes: SystemChanges;
  /** Undefined: the file has no assets column, so assets stay as they are. */
  assets?: string[];
  /** Read-only cells as written, checked against the stored system by the importer. */
  readOnly: Array<{ column: SystemColumn; cell: string }>;
}

const TRUE = ['true', '1', 'yes', 'có', 'x'];
const FALSE = ['false', '0', 'no', 'không', ''];

/** A cell as the JSON value the API would receive, so the DTO's validators judge it with the same messages. */
function plainOf(cell: string, kind: CellKind): unknown {
  switch (kind) {
    case 'text':
    case 'date':
      return cell === '' ? null : cell;
    case 'choice':
      return cell;
    case 'list':
      return cell.split(';').map((item) => item.trim()).filter((item) => item !== '');
    case 'integer':
      return cell === '' ? null : /^\d+$/.test(cell) ? Number(cell) : cell;
    case 'boolean': {
      const lower = cell.toLowerCase();
      return TRUE.includes(lower) ? true : FALSE.includes(lower) ? false : cell;
    }
  }
}

const ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** Rows of a systems CSV, each validated like `PATCH /api/v1/systems/{id}`; every bad row is a problem with its line. */
export function parseSystemsCsv(text: string): { rows: SystemImportRow[]; problems: CsvProblem[] } {
  const table = readCsvTable<SystemColumn>(text, SYSTEM_COLUMNS, ['id']);
  const problems = [...table.problems];
  const rows: SystemImportRow[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const parsed = parseRow(row, seen);
    if ('reasons' in parsed) problems.push({ line: row.line, reason: parsed.reasons.join('; ') });
    else rows.push(parsed);
  }
  return { rows, problems };
}

function parseRow(row: CsvTableRow<SystemColumn>, seen: Map<string, number>): SystemImportRow | { reasons: string[] } {
  const reasons: string[] = [];
  const id = row.cell('id') ?? '';
  if (!ID.test(id)) reasons.push(`id '${id}' must be lower-case letters, digits, . _ - (at most 64)`);
  else if (seen.has(id)) reasons.push(`id ${id} is already on line ${seen.get(id)}`);
  seen.set(id, row.line);
  const plain: Record<string, unknown> = {};
  for (const [column, field, kind] of EDITABLE) {
    const cell = row.cell(column);
    if (cell !== undefined) plain[field] = plainOf(cell, kind);
  }
  const validated = validateAs(UpdateSystemRequest, plain);
  if ('errors' in validated) reasons.push(...validated.errors);
  const agencyId = row.cell('agency_id');
  const assetsCell = row.cell('assets');
  if (reasons.length > 0 || !('value' in validated)) return { reasons };
  return {
    line: row.line,
    id,
    ...(agencyId ? { agencyId } : {}),
    // No column fills securityLevel: the approved level moves through the dossier only.
    changes: { ...validated.value },
    ...(assetsCell === undefined ? {} : { assets: assetsCell.split(';').map((value) => value.trim()).filter((value) => value !== '') }),
    readOnly: READ_ONLY.flatMap(([column]) => {
      const cell = row.cell(column);
      return cell === undefined ? [] : [{ column, cell }];
    }),
  };
}

/** Read-only cells that differ from what the export of `current` (or of a new system) holds. */
export function readOnlyChanges(row: SystemImportRow, current: SystemRecord | undefined): SystemColumn[] {
  const fresh = (column: SystemColumn) => (column === 'dossier_status' ? ['', 'draft'] : ['']);
  return row.readOnly
    .filter(({ column, cell }) => {
      const expected = current ? [cellOf(READ_ONLY.find(([name]) => name === column)![1](current))] : fresh(column);
      return !expected.includes(cell);
    })
    .map(({ column }) => column);
}
