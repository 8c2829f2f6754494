import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { managerOf, type Tx } from '@soc/storage';
import type { ImportedIndicator, Indicator, IndicatorType, Severity } from './pure';

export type IntelSourceKind = 'csv' | 'stix' | 'manual';

export interface IntelListRecord {
  id: string;
  name: string;
  description: string;
  /** Severity of indicators that state none. */
  severity: Severity;
  sourceKind: IntelSourceKind;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface IntelListSummary extends IntelListRecord {
  indicatorCount: number;
  /** Indicators past their valid_until at the time asked. */
  expiredCount: number;
  countsByType: Record<IndicatorType, number>;
}

export interface IndicatorRecord {
  id: string;
  type: IndicatorType;
  value: string;
  /** Effective: the indicator's own, else the list's. */
  severity: Severity;
  description: string | null;
  validUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

interface ListRow {
  id: string;
  name: string;
  description: string;
  severity: Severity;
  source_kind: IntelSourceKind;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

const LIST_COLUMNS = 'l.id, l.name, l.description, l.severity, l.source_kind, l.created_by, l.created_at, l.updated_at';

const toList = (row: ListRow): IntelListRecord => ({
  id: row.id,
  name: row.name,
  description: row.description,
  severity: row.severity,
  sourceKind: row.source_kind,
  createdBy: row.created_by,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

/** Rows per INSERT: each array parameter stays well under PostgreSQL's limits, the statement quick. */
const UPSERT_CHUNK = 5000;

/** Threat-intelligence lists and their indicators; the only code that sees their tables. */
@Injectable()
export class IntelRepository {
  constructor(private readonly dataSource: DataSource) {}

  async listsWithCounts(now: Date): Promise<IntelListSummary[]> {
    const rows: Array<ListRow & { total: number; expired: number; ip: number; domain: number; url: number; md5: number; sha1: number; sha256: number }> = await this.dataSource.query(
      `SELECT ${LIST_COLUMNS},
         count(i.id)::int AS total,
         count(i.id) FILTER (WHERE i.valid_until <= $1)::int AS expired,
         count(i.id) FILTER (WHERE i.type = 'ip')::int AS ip,
         count(i.id) FILTER (WHERE i.type = 'domain')::int AS domain,
         count(i.id) FILTER (WHERE i.type = 'url')::int AS url,
         count(i.id) FILTER (WHERE i.type = 'md5')::int AS md5,
         count(i.id) FILTER (WHERE i.type = 'sha1')::int AS sha1,
         count(i.id) FILTER (WHERE i.type = 'sha256')::int AS sha256
       FROM intel_lists l LEFT JOIN intel_indicators i ON i.list_id = l.id
       GROUP BY l.id ORDER BY l.id`,
      [now],
    );
    return rows.map((row) => ({
      ...toList(row),
      indicatorCount: row.total,
      expiredCount: row.expired,
      countsByType: { ip: row.ip, domain: row.domain, url: row.url, md5: row.md5, sha1: row.sha1, sha256: row.sha256 },
    }));
  }

  /** In a transaction, the list row is also locked against deletion until it ends. */
  async find(id: string, tx?: Tx): Promise<IntelListRecord | undefined> {
    const rows: ListRow[] = tx
      ? await managerOf(tx).query(`SELECT ${LIST_COLUMNS} FROM intel_lists l WHERE l.id = $1 FOR SHARE`, [id])
      : await this.dataSource.query(`SELECT ${LIST_COLUMNS} FROM intel_lists l WHERE l.id = $1`, [id]);
    return rows[0] && toList(rows[0]);
  }

  /** Undefined when the id is taken. */
  async create(list: Pick<IntelListRecord, 'id' | 'name' | 'description' | 'severity' | 'sourceKind' | 'createdBy'>, tx: Tx): Promise<IntelListRecord | undefined> {
    const rows: ListRow[] = await managerOf(tx).query(
      `INSERT INTO intel_lists AS l (id, name, description, severity, source_kind, created_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO NOTHING RETURNING ${LIST_COLUMNS}`,
      [list.id, list.name, list.description, list.severity, list.sourceKind, list.createdBy],
    );
    return rows[0] && toList(rows[0]);
  }

  /** The list removed with its indicators, and how many there were; undefined when there was none. */
  async remove(id: string, tx: Tx): Promise<{ list: IntelListRecord; indicators: number } | undefined> {
    const manager = managerOf(tx);
    const counted: Array<{ n: number }> = await manager.query('SELECT count(*)::int AS n FROM intel_indicators WHERE list_id = $1', [id]);
    const rows: ListRow[] = await manager.query(`WITH gone AS (DELETE FROM intel_lists WHERE id = $1 RETURNING *) SELECT ${LIST_COLUMNS} FROM gone l`, [id]);
    return rows[0] && { list: toList(rows[0]), indicators: counted[0]?.n ?? 0 };
  }

  /**
   * Inserts new indicators and restates existing ones (severity, description, expiry) in bulk; rows
   * already stating the same are left alone. Takes one indicator per (type, value) — the caller dedupes.
   */
  async upsert(listId: string, indicators: readonly ImportedIndicator[], tx: Tx): Promise<{ added: number; updated: number }> {
    const manager = managerOf(tx);
    let added = 0;
    let updated = 0;
    for (let from = 0; from < indicators.length; from += UPSERT_CHUNK) {
      const chunk = indicators.slice(from, from + UPSERT_CHUNK);
      const counts = await this.upsertChunk(manager, listId, chunk);
      added += counts.added;
      updated += counts.updated;
    }
    return { added, updated };
  }

  private async upsertChunk(manager: EntityManager, listId: string, chunk: readonly ImportedIndicator[]): Promise<{ added: number; updated: number }> {
    const rows: Array<{ added: number; updated: number }> = await manager.query(
      `WITH written AS (
         INSERT INTO intel_indicators AS i (list_id, type, value, severity, description, valid_until)
         SELECT $1, t.type, t.value, t.severity, t.description, t.valid_until
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[]) AS t (type, value, severity, description, valid_until)
         ON CONFLICT (list_id, type, value) DO UPDATE
           SET severity = EXCLUDED.severity, description = EXCLUDED.description, valid_until = EXCLUDED.valid_until, updated_at = now()
           WHERE (i.severity, i.description, i.valid_until) IS DISTINCT FROM (EXCLUDED.severity, EXCLUDED.description, EXCLUDED.valid_until)
         RETURNING (xmax = 0) AS inserted)
       SELECT count(*) FILTER (WHERE inserted)::int AS added, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM written`,
      [
        listId,
        chunk.map((i) => i.type),
        chunk.map((i) => i.value),
        chunk.map((i) => i.severity ?? null),
        chunk.map((i) => i.description ?? null),
        chunk.map((i) => i.validUntil?.toISOString() ?? null),
      ],
    );
    return rows[0] ?? { added: 0, updated: 0 };
  }

  /** Marks the list changed: a new revision, so every node's index sees it. */
  async touch(listId: string, tx: Tx): Promise<void> {
    await managerOf(tx).query("UPDATE intel_lists SET updated_at = now(), revision = nextval('intel_revision_seq') WHERE id = $1", [listId]);
  }

  /** A page of a list's indicators in insertion order, after the cursor (an indicator id). */
  async indicators(listId: string, options: { limit: number; afterId?: string; type?: IndicatorType }, now: Date): Promise<Array<IndicatorRecord & { expired: boolean }>> {
    const rows: Array<{ id: string; type: IndicatorType; value: string; severity: Severity; description: string | null; valid_until: Date | null; created_at: Date; updated_at: Date }> =
      await this.dataSource.query(
        `SELECT i.id::text AS id, i.type, i.value, COALESCE(i.severity, l.severity) AS severity, i.description, i.valid_until, i.created_at, i.updated_at
         FROM intel_indicators i JOIN intel_lists l ON l.id = i.list_id
         WHERE i.list_id = $1 AND ($2::bigint IS NULL OR i.id > $2) AND ($3::text IS NULL OR i.type = $3)
         ORDER BY i.id LIMIT $4`,
        [listId, options.afterId ?? null, options.type ?? null, options.limit],
      );
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      value: row.value,
      severity: row.severity,
      description: row.description,
      validUntil: row.valid_until?.toISOString() ?? null,
      expired: row.valid_until !== null && row.valid_until.getTime() <= now.getTime(),
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    }));
  }

  /** Changes whenever any list is created, changed or deleted: the (id, revision) pairs, hashed. */
  async fingerprint(): Promise<string> {
    const rows: Array<{ digest: string | null }> = await this.dataSource.query(
      "SELECT md5(string_agg(id || ':' || revision, ',' ORDER BY id)) AS digest FROM intel_lists",
    );
    return rows[0]?.digest ?? 'empty';
  }

  /** Every indicator of every list, with the list's name and effective severity: what the index is built from. */
  async allIndicators(): Promise<Indicator[]> {
    const rows: Array<{ list_id: string; list_name: string; type: IndicatorType; value: string; severity: Severity; description: string | null; valid_until: Date | null }> =
      await this.dataSource.query(
        `SELECT i.list_id, l.name AS list_name, i.type, i.value, COALESCE(i.severity, l.severity) AS severity, i.description, i.valid_until
         FROM intel_indicators i JOIN intel_lists l ON l.id = i.list_id`,
      );
    return rows.map((row) => ({
      listId: row.list_id,
      listName: row.list_name,
      type: row.type,
      value: row.value,
      severity: row.severity,
      description: row.description,
      validUntil: row.valid_until,
    }));
  }
}
