import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AgencyScope, scopeCondition } from '@soc/shared';
import { managerOf, type Tx } from '@soc/storage';
import type { AgencyChanges, AgencyKind, AgencyRecord, Contact, SecurityUnit } from './agency';

interface AgencyRow {
  id: string;
  name: string;
  kind: AgencyKind;
  parent_id: string | null;
  ir_contacts: Contact[];
  security_unit: SecurityUnit | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, name, kind, parent_id, ir_contacts, security_unit, created_at, updated_at';

const toRecord = (row: AgencyRow): AgencyRecord => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  parentId: row.parent_id,
  irContacts: row.ir_contacts,
  securityUnit: row.security_unit,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

/** Serializes changes to the hierarchy, so two concurrent moves cannot together form a cycle. */
const HIERARCHY_LOCK = 7_201_011;

/** Column and SQL cast of each settable field; values always go in as parameters. */
const SETTABLE: Record<keyof AgencyChanges, { column: string; cast: string; encode: (value: unknown) => unknown }> = {
  name: { column: 'name', cast: 'text', encode: (v) => v },
  kind: { column: 'kind', cast: 'text', encode: (v) => v },
  parentId: { column: 'parent_id', cast: 'text', encode: (v) => v },
  irContacts: { column: 'ir_contacts', cast: 'jsonb', encode: (v) => JSON.stringify(v) },
  securityUnit: { column: 'security_unit', cast: 'jsonb', encode: (v) => (v === null ? null : JSON.stringify(v)) },
};

export type NewAgency = Omit<AgencyRecord, 'createdAt' | 'updatedAt'>;

/** Agencies of the province; reads are limited to the caller's agencies. */
@Injectable()
export class AgenciesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(scope: AgencyScope, tx?: Tx): Promise<AgencyRecord[]> {
    const where = scopeCondition(scope, 'id', 1);
    const rows: AgencyRow[] = await this.db(tx).query(`SELECT ${COLUMNS} FROM agencies WHERE ${where.sql} ORDER BY name, id`, where.params);
    return rows.map(toRecord);
  }

  async find(scope: AgencyScope, id: string, tx?: Tx): Promise<AgencyRecord | undefined> {
    const where = scopeCondition(scope, 'id', 2);
    const rows: AgencyRow[] = await this.db(tx).query(`SELECT ${COLUMNS} FROM agencies WHERE id = $1 AND ${where.sql}`, [id, ...where.params]);
    return rows[0] && toRecord(rows[0]);
  }

  /** Returns undefined when the id is taken. */
  async create(tx: Tx, agency: NewAgency): Promise<AgencyRecord | undefined> {
    const rows: AgencyRow[] = await managerOf(tx).query(
      `INSERT INTO agencies (id, name, kind, parent_id, ir_contacts, security_unit) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)
       ON CONFLICT (id) DO NOTHING RETURNING ${COLUMNS}`,
      [agency.id, agency.name, agency.kind, agency.parentId, JSON.stringify(agency.irContacts), agency.securityUnit && JSON.stringify(agency.securityUnit)],
    );
    return rows[0] && toRecord(rows[0]);
  }

  /** Undefined when there is no such agency. */
  async update(tx: Tx, id: string, changes: AgencyChanges): Promise<AgencyRecord | undefined> {
    const fields = (Object.keys(SETTABLE) as Array<keyof AgencyChanges>).filter((field) => changes[field] !== undefined);
    const sets = fields.map((field, i) => `${SETTABLE[field].column} = $${i + 2}::${SETTABLE[field].cast}`);
    const rows: AgencyRow[] = await managerOf(tx).query(
      // In a CTE: TypeORM returns [rows, count] for a bare UPDATE ... RETURNING.
      `WITH changed AS (UPDATE agencies SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING *) SELECT ${COLUMNS} FROM changed`,
      [id, ...fields.map((field) => SETTABLE[field].encode(changes[field]))],
    );
    return rows[0] && toRecord(rows[0]);
  }

  async exists(id: string, tx?: Tx): Promise<boolean> {
    const rows: unknown[] = await this.db(tx).query('SELECT 1 FROM agencies WHERE id = $1', [id]);
    return rows.length > 0;
  }

  /**
   * Every agency's parent, after taking the hierarchy lock for the rest of the transaction: what a
   * change is checked against for cycles, and what stays true until it commits.
   */
  async lockedParents(tx: Tx): Promise<Map<string, string | null>> {
    const manager = managerOf(tx);
    await manager.query('SELECT pg_advisory_xact_lock($1)', [HIERARCHY_LOCK]);
    const rows: Array<{ id: string; parent_id: string | null }> = await manager.query('SELECT id, parent_id FROM agencies');
    return new Map(rows.map((row) => [row.id, row.parent_id]));
  }

  private db(tx?: Tx): Pick<DataSource, 'query'> {
    return tx ? managerOf(tx) : this.dataSource;
  }
}
