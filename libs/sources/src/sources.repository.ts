import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AgencyScope, scopeCondition } from '@soc/shared';
import { managerOf, Tx } from '@soc/storage';

export interface SourceRecord {
  id: string;
  name: string;
  agencyId: string | null;
  /** First characters of the current key, to tell keys apart; the key itself is never stored. */
  apiKeyPrefix: string | null;
  allowedIps: string[];
  /** Parse as this format instead of detecting it. */
  formatHint: string | null;
  /** Zone of the source's clock, for timestamps that carry none (null: the deployment's zone). */
  timeZone: string | null;
  /** How often the source should report; silence beyond it is a finding. */
  expectedIntervalSeconds: number | null;
  keyRotatedAt: string | null;
  createdAt: string;
}

/** What parsing and enrichment need to know about a source. */
export interface SourceProfile {
  /** False for a sender nobody registered (accepted, flagged, never attributed to an agency). */
  registered: boolean;
  agencyId: string | null;
  formatHint: string | null;
  timeZone: string | null;
}

interface SourceRow {
  id: string;
  name: string;
  agency_id: string | null;
  api_key_prefix: string | null;
  allowed_ips: string[] | string;
  format_hint: string | null;
  time_zone: string | null;
  expected_interval_seconds: number | null;
  key_rotated_at: Date | null;
  created_at: Date;
}

const COLUMNS = 'id, name, agency_id, api_key_prefix, allowed_ips::text[] AS allowed_ips, format_hint, time_zone, expected_interval_seconds, key_rotated_at, created_at';

const toRecord = (row: SourceRow): SourceRecord => ({
  id: row.id,
  name: row.name,
  agencyId: row.agency_id,
  apiKeyPrefix: row.api_key_prefix,
  allowedIps: Array.isArray(row.allowed_ips) ? row.allowed_ips : [],
  formatHint: row.format_hint,
  timeZone: row.time_zone,
  expectedIntervalSeconds: row.expected_interval_seconds,
  keyRotatedAt: row.key_rotated_at?.toISOString() ?? null,
  createdAt: row.created_at.toISOString(),
});

@Injectable()
export class SourcesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(scope: AgencyScope): Promise<SourceRecord[]> {
    const where = scopeCondition(scope, 'agency_id', 1);
    const rows: SourceRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM sources WHERE ${where.sql} ORDER BY id`, where.params);
    return rows.map(toRecord);
  }

  async find(scope: AgencyScope, id: string): Promise<SourceRecord | undefined> {
    const where = scopeCondition(scope, 'agency_id', 2);
    const rows: SourceRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM sources WHERE id = $1 AND ${where.sql}`, [id, ...where.params]);
    return rows[0] && toRecord(rows[0]);
  }

  /** Returns undefined when the id is taken. */
  async create(
    source: Pick<SourceRecord, 'id' | 'name' | 'agencyId' | 'allowedIps' | 'formatHint' | 'timeZone' | 'expectedIntervalSeconds'> & { apiKeyHash: string; apiKeyPrefix: string },
  ): Promise<SourceRecord | undefined> {
    const rows: SourceRow[] = await this.dataSource.query(
      `INSERT INTO sources (id, name, agency_id, allowed_ips, format_hint, time_zone, expected_interval_seconds, api_key_hash, api_key_prefix, key_rotated_at)
       VALUES ($1, $2, $3, $4::cidr[], $5, $6, $7, $8, $9, now()) ON CONFLICT (id) DO NOTHING RETURNING ${COLUMNS}`,
      [source.id, source.name, source.agencyId, source.allowedIps, source.formatHint, source.timeZone, source.expectedIntervalSeconds, source.apiKeyHash, source.apiKeyPrefix],
    );
    return rows[0] && toRecord(rows[0]);
  }

  /** Replaces (or with nulls, revokes) the source's key; false when there is no such source. */
  async setKey(id: string, apiKeyHash: string | null, apiKeyPrefix: string | null): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH changed AS (UPDATE sources SET api_key_hash = $2, api_key_prefix = $3, key_rotated_at = now() WHERE id = $1 RETURNING id)
       SELECT id FROM changed`,
      [id, apiKeyHash, apiKeyPrefix],
    );
    return rows.length > 0;
  }

  /** The source holding this key hash, and whether `clientIp` passes its allow-list (empty list: any address). */
  async findByKeyHash(apiKeyHash: string, clientIp: string): Promise<{ id: string; agencyId: string | null; ipAllowed: boolean } | undefined> {
    const rows: Array<{ id: string; agency_id: string | null; ip_allowed: boolean }> = await this.dataSource.query(
      `SELECT id, agency_id,
              (cardinality(allowed_ips) = 0 OR ($2::text <> '' AND $2::inet <<= ANY(allowed_ips))) AS ip_allowed
       FROM sources WHERE api_key_hash = $1`,
      [apiKeyHash, clientIp],
    );
    const row = rows[0];
    return row && { id: row.id, agencyId: row.agency_id, ipAllowed: row.ip_allowed };
  }

  /** The source whose allow-list holds `address` (the most specific network wins), for senders without keys (syslog). */
  async findByAddress(address: string): Promise<{ id: string; agencyId: string | null } | undefined> {
    const rows: Array<{ id: string; agency_id: string | null }> = await this.dataSource.query(
      `SELECT s.id, s.agency_id FROM sources s, unnest(s.allowed_ips) AS net
       WHERE $1::inet <<= net ORDER BY masklen(net) DESC, s.id LIMIT 1`,
      [address],
    );
    const row = rows[0];
    return row && { id: row.id, agencyId: row.agency_id };
  }

  async profilesOf(sourceIds: readonly string[]): Promise<Map<string, SourceProfile>> {
    const rows: Array<{ id: string; agency_id: string | null; format_hint: string | null; time_zone: string | null }> = await this.dataSource.query(
      'SELECT id, agency_id, format_hint, time_zone FROM sources WHERE id = ANY($1::text[])',
      [sourceIds],
    );
    return new Map(rows.map((row) => [row.id, { registered: true, agencyId: row.agency_id, formatHint: row.format_hint, timeZone: row.time_zone }]));
  }

  /** Records delivery in the batch's transaction: each registered source's latest receipt time. */
  async touch(tx: Tx, lastSeen: ReadonlyMap<string, Date>): Promise<void> {
    if (lastSeen.size === 0) return;
    await managerOf(tx).query(
      `UPDATE sources s SET last_seen_at = GREATEST(s.last_seen_at, t.seen)
       FROM unnest($1::text[], $2::timestamptz[]) AS t(id, seen) WHERE s.id = t.id`,
      [[...lastSeen.keys()], [...lastSeen.values()].map((d) => d.toISOString())],
    );
  }

  /**
   * Sources quiet for longer than their expected interval, newly marked silent as of `now`
   * (a source never heard from counts from its registration). Locked: one checker at a time.
   */
  async markNewlySilent(tx: Tx, now: Date): Promise<Array<{ id: string; agencyId: string | null; lastSeenAt: string | null; intervalSeconds: number }>> {
    const rows: Array<{ id: string; agency_id: string | null; last_seen_at: Date | null; expected_interval_seconds: number }> = await managerOf(tx).query(
      `WITH silent AS (
         UPDATE sources SET silent_since = $1
         WHERE silent_since IS NULL AND expected_interval_seconds IS NOT NULL
           AND COALESCE(last_seen_at, created_at) < $1::timestamptz - make_interval(secs => expected_interval_seconds)
         RETURNING id, agency_id, last_seen_at, expected_interval_seconds)
       SELECT * FROM silent ORDER BY id`,
      [now.toISOString()],
    );
    return rows.map((r) => ({ id: r.id, agencyId: r.agency_id, lastSeenAt: r.last_seen_at?.toISOString() ?? null, intervalSeconds: r.expected_interval_seconds }));
  }

  /** Silent sources that delivered again; their silence ends (returns when each began). */
  async clearResumed(tx: Tx): Promise<Array<{ id: string; silentSince: string }>> {
    const rows: Array<{ id: string; silent_since: Date }> = await managerOf(tx).query(
      `WITH resumed AS (
         SELECT id, silent_since FROM sources WHERE silent_since IS NOT NULL AND last_seen_at >= silent_since FOR UPDATE),
       cleared AS (UPDATE sources s SET silent_since = NULL FROM resumed r WHERE s.id = r.id RETURNING s.id)
       SELECT r.id, r.silent_since FROM resumed r JOIN cleared c ON c.id = r.id ORDER BY r.id`,
    );
    return rows.map((r) => ({ id: r.id, silentSince: r.silent_since.toISOString() }));
  }
}
