import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AgencyScope, scopeCondition } from '@soc/shared';

export interface AgencyRecord {
  id: string;
  name: string;
  createdAt: string;
}

@Injectable()
export class AgenciesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(scope: AgencyScope): Promise<AgencyRecord[]> {
    const where = scopeCondition(scope, 'id', 1);
    const rows: Array<{ id: string; name: string; created_at: Date }> = await this.dataSource.query(
      `SELECT id, name, created_at FROM agencies WHERE ${where.sql} ORDER BY name`,
      where.params,
    );
    return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at.toISOString() }));
  }

  /** Returns undefined when the id is taken. */
  async create(id: string, name: string): Promise<AgencyRecord | undefined> {
    const rows: Array<{ id: string; name: string; created_at: Date }> = await this.dataSource.query(
      'INSERT INTO agencies (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id, name, created_at',
      [id, name],
    );
    const row = rows[0];
    return row && { id: row.id, name: row.name, createdAt: row.created_at.toISOString() };
  }

  async exists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM agencies WHERE id = $1', [id]);
    return rows.length > 0;
  }
}
