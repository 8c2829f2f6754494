import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { managerOf, Tx } from '@soc/storage';
import { AuditEntry, chainHash, GENESIS_HASH } from './audit-chain';
import { AuditChainRecord } from './audit-verification';

/** Serializes appends so each record links to the one committed before it. */
const AUDIT_APPEND_LOCK = 7_201_003;

export interface AuditRecordView extends AuditEntry {
  seq: number;
  hash: string;
}

interface AuditRow {
  seq: string;
  at: Date;
  actor: string;
  action: string;
  target: string | null;
  agency_id: string | null;
  details: Record<string, unknown>;
  hash: string;
}

// `at` is timestamptz (microseconds) and comes back as a millisecond Date; appends hash and store the
// millisecond ISO string (`canonicalInstant`), so `toISOString()` here gives back exactly what was hashed.
function viewOf(row: AuditRow): AuditRecordView {
  return {
    seq: Number(row.seq),
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    target: row.target,
    agencyId: row.agency_id,
    details: row.details,
    hash: row.hash,
  };
}

/** The form `at` is hashed and stored in: what a stored timestamptz reads back as, whatever form the caller used. */
function canonicalInstant(at: string): string {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`audit entry time is not a valid instant: ${JSON.stringify(at)}`);
  return instant.toISOString();
}

@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends in the caller's transaction (so the record commits with the change it describes), or in its own. */
  async append(entry: AuditEntry, tx?: Tx): Promise<void> {
    if (tx) return this.appendWith(managerOf(tx), entry);
    await this.dataSource.transaction((manager) => this.appendWith(manager, entry));
  }

  async list(limit: number, beforeSeq?: number): Promise<AuditRecordView[]> {
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT seq, at, actor, action, target, agency_id, details, hash FROM audit_log
       WHERE $1::bigint IS NULL OR seq < $1 ORDER BY seq DESC LIMIT $2`,
      [beforeSeq ?? null, limit],
    );
    return rows.map(viewOf);
  }

  /** Records after `afterSeq`, oldest first, with their links: one page of a chain verification. */
  async readChain(afterSeq: number, limit: number): Promise<AuditChainRecord[]> {
    const rows: Array<AuditRow & { prev_hash: string }> = await this.dataSource.query(
      `SELECT seq, at, actor, action, target, agency_id, details, prev_hash, hash FROM audit_log
       WHERE seq > $1 ORDER BY seq ASC LIMIT $2`,
      [afterSeq, limit],
    );
    return rows.map((row) => ({ ...viewOf(row), prevHash: row.prev_hash }));
  }

  private async appendWith(manager: EntityManager, given: AuditEntry): Promise<void> {
    const entry: AuditEntry = { ...given, at: canonicalInstant(given.at) };
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_APPEND_LOCK]);
    const last: Array<{ hash: string }> = await manager.query('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    const previous = last[0]?.hash ?? GENESIS_HASH;
    await manager.query(
      `INSERT INTO audit_log (at, actor, action, target, agency_id, details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [entry.at, entry.actor, entry.action, entry.target ?? null, entry.agencyId ?? null, JSON.stringify(entry.details), previous, chainHash(previous, entry)],
    );
  }
}
