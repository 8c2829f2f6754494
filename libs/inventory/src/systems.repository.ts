import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AgencyScope, scopeCondition } from '@soc/shared';

export interface SystemRecord {
  id: string;
  agencyId: string;
  name: string;
  /** Approved security level (cấp độ 1–5); null until approved. */
  securityLevel: number | null;
  createdAt: string;
  updatedAt: string;
}

interface SystemRow {
  id: string;
  agency_id: string;
  name: string;
  security_level: number | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, agency_id, name, security_level, created_at, updated_at';

const toRecord = (row: SystemRow): SystemRecord => ({
  id: row.id,
  agencyId: row.agency_id,
  name: row.name,
  securityLevel: row.security_level,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

/** Information systems; reads are always limited to the caller's agencies. */
@Injectable()
export class SystemsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(scope: AgencyScope): Promise<SystemRecord[]> {
    const where = scopeCondition(scope, 'agency_id', 1);
    const rows: SystemRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM information_systems WHERE ${where.sql} ORDER BY agency_id, name`, where.params);
    return rows.map(toRecord);
  }

  async find(scope: AgencyScope, id: string): Promise<SystemRecord | undefined> {
    const where = scopeCondition(scope, 'agency_id', 2);
    const rows: SystemRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM information_systems WHERE id = $1 AND ${where.sql}`, [id, ...where.params]);
    return rows[0] && toRecord(rows[0]);
  }

  /** Undefined when the id is taken. */
  async create(system: Pick<SystemRecord, 'id' | 'agencyId' | 'name' | 'securityLevel'>): Promise<SystemRecord | undefined> {
    const rows: SystemRow[] = await this.dataSource.query(
      `INSERT INTO information_systems (id, agency_id, name, security_level) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO NOTHING RETURNING ${COLUMNS}`,
      [system.id, system.agencyId, system.name, system.securityLevel],
    );
    return rows[0] && toRecord(rows[0]);
  }

  /** Undefined when there is no such system. */
  async update(id: string, changes: { name?: string; securityLevel?: number | null }): Promise<SystemRecord | undefined> {
    const rows: SystemRow[] = await this.dataSource.query(
      // In a CTE: TypeORM returns [rows, count] for a bare UPDATE ... RETURNING.
      `WITH changed AS (
         UPDATE information_systems SET
           name = COALESCE($2, name),
           security_level = CASE WHEN $3 THEN $4::smallint ELSE security_level END,
           updated_at = now()
         WHERE id = $1 RETURNING *)
       SELECT ${COLUMNS} FROM changed`,
      [id, changes.name ?? null, changes.securityLevel !== undefined, changes.securityLevel ?? null],
    );
    return rows[0] && toRecord(rows[0]);
  }
}
