import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface StoredRule {
  ruleId: string;
  version: number;
  yaml: string;
  updatedBy: string;
  updatedAt: string;
}

export interface RuleSwitch {
  ruleId: string;
  /** `*`: every agency. */
  agencyId: string;
  enabled: boolean;
}

export interface StoredException {
  id: string;
  ruleId: string;
  agencyId: string | null;
  field: string;
  values: string[];
  reason: string;
  author: string;
  expiresAt: string | null;
  createdAt: string;
}

interface ExceptionRow {
  id: string;
  rule_id: string;
  agency_id: string | null;
  field: string;
  field_values: string[];
  reason: string;
  author: string;
  expires_at: Date | null;
  created_at: Date;
}

const toException = (row: ExceptionRow): StoredException => ({
  id: row.id,
  ruleId: row.rule_id,
  agencyId: row.agency_id,
  field: row.field,
  values: row.field_values,
  reason: row.reason,
  author: row.author,
  expiresAt: row.expires_at?.toISOString() ?? null,
  createdAt: row.created_at.toISOString(),
});

/** Rules written at run time, their switches and exceptions. Every change moves the detection revision. */
@Injectable()
export class RulesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Changes whenever anything here changes (a rolled-back change may move it too: a harmless extra reload). */
  async revision(): Promise<string> {
    const rows: Array<{ revision: string }> = await this.dataSource.query(
      'SELECT CASE WHEN is_called THEN last_value ELSE 0 END::text AS revision FROM detection_revision_seq',
    );
    return rows[0]?.revision ?? '0';
  }

  async rules(): Promise<StoredRule[]> {
    const rows: Array<{ rule_id: string; version: number; yaml: string; updated_by: string; updated_at: Date }> = await this.dataSource.query(
      'SELECT rule_id, version, yaml, updated_by, updated_at FROM detection_rules ORDER BY rule_id',
    );
    return rows.map((r) => ({ ruleId: r.rule_id, version: r.version, yaml: r.yaml, updatedBy: r.updated_by, updatedAt: r.updated_at.toISOString() }));
  }

  /** Stores a new version of the rule (the first is 1) and keeps the old ones; returns the version. */
  async saveRule(ruleId: string, yaml: string, author: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: Array<{ version: number }> = await manager.query(
        `INSERT INTO detection_rules (rule_id, version, yaml, updated_by) VALUES ($1, 1, $2, $3)
         ON CONFLICT (rule_id) DO UPDATE SET version = detection_rules.version + 1, yaml = EXCLUDED.yaml, updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING version`,
        [ruleId, yaml, author],
      );
      const version = rows[0]!.version;
      await manager.query('INSERT INTO detection_rule_versions (rule_id, version, yaml, author) VALUES ($1, $2, $3, $4)', [ruleId, version, yaml, author]);
      await manager.query("SELECT nextval('detection_revision_seq')");
      return version;
    });
  }

  async versions(ruleId: string): Promise<Array<{ version: number; author: string; createdAt: string; yaml: string }>> {
    const rows: Array<{ version: number; author: string; created_at: Date; yaml: string }> = await this.dataSource.query(
      'SELECT version, author, created_at, yaml FROM detection_rule_versions WHERE rule_id = $1 ORDER BY version DESC',
      [ruleId],
    );
    return rows.map((r) => ({ version: r.version, author: r.author, createdAt: r.created_at.toISOString(), yaml: r.yaml }));
  }

  /** False when there is no such stored rule (bundled rules are not deleted here: switch them off). */
  async deleteRule(ruleId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      "WITH gone AS (DELETE FROM detection_rules WHERE rule_id = $1 RETURNING 1), moved AS (SELECT nextval('detection_revision_seq') FROM gone) SELECT 1 FROM moved",
      [ruleId],
    );
    return rows.length > 0;
  }

  async switches(): Promise<RuleSwitch[]> {
    const rows: Array<{ rule_id: string; agency_id: string; enabled: boolean }> = await this.dataSource.query('SELECT rule_id, agency_id, enabled FROM detection_rule_switches');
    return rows.map((r) => ({ ruleId: r.rule_id, agencyId: r.agency_id, enabled: r.enabled }));
  }

  async setSwitch(ruleId: string, agencyId: string, enabled: boolean, by: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO detection_rule_switches (rule_id, agency_id, enabled, updated_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (rule_id, agency_id) DO UPDATE SET enabled = EXCLUDED.enabled, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [ruleId, agencyId, enabled, by],
      );
      await manager.query("SELECT nextval('detection_revision_seq')");
    });
  }

  async exceptions(ruleId?: string): Promise<StoredException[]> {
    const rows: ExceptionRow[] = await this.dataSource.query(
      'SELECT * FROM detection_exceptions WHERE $1::text IS NULL OR rule_id = $1 ORDER BY created_at',
      [ruleId ?? null],
    );
    return rows.map(toException);
  }

  async addException(e: Omit<StoredException, 'id' | 'createdAt'>): Promise<StoredException> {
    return this.dataSource.transaction(async (manager) => {
      const rows: ExceptionRow[] = await manager.query(
        `INSERT INTO detection_exceptions (rule_id, agency_id, field, field_values, reason, author, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [e.ruleId, e.agencyId, e.field, e.values, e.reason, e.author, e.expiresAt],
      );
      await manager.query("SELECT nextval('detection_revision_seq')");
      return toException(rows[0]!);
    });
  }

  async deleteException(ruleId: string, id: string): Promise<StoredException | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const rows: ExceptionRow[] = await manager.query(
        'WITH gone AS (DELETE FROM detection_exceptions WHERE rule_id = $1 AND id = $2 RETURNING *) SELECT * FROM gone',
        [ruleId, id],
      );
      if (rows[0]) await manager.query("SELECT nextval('detection_revision_seq')");
      return rows[0] && toException(rows[0]);
    });
  }
}
