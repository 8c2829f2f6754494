import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AgencyScope, scopeCondition } from '@soc/shared';
import { managerOf, type Tx } from '@soc/storage';
import { canonicalInformationTypes, type Dossier, type DossierStatus, type InformationType, type RegimeId, type RegulationStatus, type SystemChanges, type SystemRecord, type SystemType } from './system-profile';

export type { SystemRecord } from './system-profile';

interface SystemRow {
  id: string;
  agency_id: string;
  name: string;
  security_level: number | null;
  owner: string | null;
  operator: string | null;
  security_unit: string | null;
  system_type: SystemType | null;
  information_types: InformationType[];
  data_subjects: number | null;
  sensitive_personal_data: boolean;
  public_service_level: number | null;
  operates_24x7: boolean;
  go_live: string | null;
  nationally_important: boolean;
  national_connected: boolean;
  national_connected_on: string | null;
  regulation_status: RegulationStatus;
  regime_id: RegimeId;
  proposed_level: number | null;
  dossier_status: DossierStatus;
  dossier_submitted_on: string | null;
  decision_number: string | null;
  decision_date: string | null;
  approver: string | null;
  created_at: Date;
  updated_at: Date;
}

// Dates as text: the driver would turn a `date` into a Date at local midnight, shifting it by the zone.
const COLUMNS = `id, agency_id, name, security_level, owner, operator, security_unit, system_type, information_types, data_subjects,
  sensitive_personal_data, public_service_level, operates_24x7, go_live::text AS go_live, nationally_important, national_connected,
  national_connected_on::text AS national_connected_on, regulation_status, regime_id, proposed_level, dossier_status,
  dossier_submitted_on::text AS dossier_submitted_on, decision_number, decision_date::text AS decision_date, approver, created_at, updated_at`;

const toRecord = (row: SystemRow): SystemRecord => ({
  id: row.id,
  agencyId: row.agency_id,
  name: row.name,
  securityLevel: row.security_level,
  owner: row.owner,
  operator: row.operator,
  securityUnit: row.security_unit,
  systemType: row.system_type,
  informationTypes: row.information_types,
  dataSubjects: row.data_subjects,
  sensitivePersonalData: row.sensitive_personal_data,
  publicServiceLevel: row.public_service_level,
  operates24x7: row.operates_24x7,
  goLive: row.go_live,
  nationallyImportant: row.nationally_important,
  nationalConnected: row.national_connected,
  nationalConnectedOn: row.national_connected_on,
  regulationStatus: row.regulation_status,
  regimeId: row.regime_id,
  dossier: {
    status: row.dossier_status,
    proposedLevel: row.proposed_level,
    submittedOn: row.dossier_submitted_on,
    decisionNumber: row.decision_number,
    decisionDate: row.decision_date,
    approver: row.approver,
  },
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

type Column = readonly [column: string, cast: string];

/** Column and SQL cast of each field a PATCH or an import may set; values always go in as parameters. */
const PROFILE_COLUMNS: Record<keyof SystemChanges, Column> = {
  name: ['name', 'text'],
  securityLevel: ['security_level', 'smallint'],
  owner: ['owner', 'text'],
  operator: ['operator', 'text'],
  securityUnit: ['security_unit', 'text'],
  systemType: ['system_type', 'text'],
  informationTypes: ['information_types', 'text[]'],
  dataSubjects: ['data_subjects', 'integer'],
  sensitivePersonalData: ['sensitive_personal_data', 'boolean'],
  publicServiceLevel: ['public_service_level', 'smallint'],
  operates24x7: ['operates_24x7', 'boolean'],
  goLive: ['go_live', 'date'],
  nationallyImportant: ['nationally_important', 'boolean'],
  nationalConnected: ['national_connected', 'boolean'],
  nationalConnectedOn: ['national_connected_on', 'date'],
  regulationStatus: ['regulation_status', 'text'],
  regimeId: ['regime_id', 'text'],
};

/** The dossier's columns: written only by the dossier workflow (and the approved level with it). */
const DOSSIER_COLUMNS: Record<keyof Dossier, Column> = {
  status: ['dossier_status', 'text'],
  proposedLevel: ['proposed_level', 'smallint'],
  submittedOn: ['dossier_submitted_on', 'date'],
  decisionNumber: ['decision_number', 'text'],
  decisionDate: ['decision_date', 'date'],
  approver: ['approver', 'text'],
};

export type NewSystem = Pick<SystemRecord, 'id' | 'agencyId' | 'name' | 'securityLevel'> & SystemChanges;

/** Information systems; reads are always limited to the caller's agencies. */
@Injectable()
export class SystemsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(scope: AgencyScope, tx?: Tx): Promise<SystemRecord[]> {
    const where = scopeCondition(scope, 'agency_id', 1);
    const rows: SystemRow[] = await this.db(tx).query(`SELECT ${COLUMNS} FROM information_systems WHERE ${where.sql} ORDER BY agency_id, name, id`, where.params);
    return rows.map(toRecord);
  }

  /** With `tx`, the row stays locked until it commits: a read-check-write on the system cannot interleave. */
  async find(scope: AgencyScope, id: string, tx?: Tx): Promise<SystemRecord | undefined> {
    const where = scopeCondition(scope, 'agency_id', 2);
    const rows: SystemRow[] = await this.db(tx).query(
      `SELECT ${COLUMNS} FROM information_systems WHERE id = $1 AND ${where.sql}${tx ? ' FOR UPDATE' : ''}`,
      [id, ...where.params],
    );
    return rows[0] && toRecord(rows[0]);
  }

  /** Undefined when the id is taken. */
  async create(tx: Tx, system: NewSystem): Promise<SystemRecord | undefined> {
    const { id, agencyId, name, securityLevel, ...profile } = system;
    const rows: Array<{ id: string }> = await managerOf(tx).query(
      'INSERT INTO information_systems (id, agency_id, name, security_level) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING RETURNING id',
      [id, agencyId, name, securityLevel],
    );
    return rows[0] && this.update(tx, id, profile);
  }

  /** Undefined when there is no such system. */
  update(tx: Tx, id: string, changes: SystemChanges): Promise<SystemRecord | undefined> {
    const types = changes.informationTypes;
    return this.set(tx, id, assignments(PROFILE_COLUMNS, types ? { ...changes, informationTypes: canonicalInformationTypes(types) } : changes));
  }

  /** The dossier's new state, and with an approval the approved level. */
  updateDossier(tx: Tx, id: string, dossier: Partial<Dossier>, securityLevel?: number): Promise<SystemRecord | undefined> {
    return this.set(tx, id, [...assignments(DOSSIER_COLUMNS, dossier), ...(securityLevel === undefined ? [] : assignments(PROFILE_COLUMNS, { securityLevel }))]);
  }

  private async set(tx: Tx, id: string, values: Array<{ column: Column; value: unknown }>): Promise<SystemRecord | undefined> {
    const sets = values.map(({ column: [name, cast] }, i) => `${name} = $${i + 2}::${cast}`);
    const rows: SystemRow[] = await managerOf(tx).query(
      // In a CTE: TypeORM returns [rows, count] for a bare UPDATE ... RETURNING.
      `WITH changed AS (UPDATE information_systems SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING *) SELECT ${COLUMNS} FROM changed`,
      [id, ...values.map((v) => v.value)],
    );
    return rows[0] && toRecord(rows[0]);
  }

  private db(tx?: Tx): Pick<DataSource, 'query'> {
    return tx ? managerOf(tx) : this.dataSource;
  }
}

function assignments<T extends object>(columns: Record<keyof T, Column>, changes: Partial<T>): Array<{ column: Column; value: unknown }> {
  return (Object.keys(columns) as Array<keyof T>).filter((field) => changes[field] !== undefined).map((field) => ({ column: columns[field], value: changes[field] }));
}
