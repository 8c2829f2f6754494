import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NationalMessageType } from '@soc/shared';
import { managerOf, type Tx } from '@soc/storage';

/** One connector's cursor into the outbox and the outcome of its last attempts. */
export interface ConnectorState {
  name: string;
  lastDeliveredSeq: number;
  lastSuccessAt: Date | null;
  lastAttemptAt: Date | null;
  lastError: string | null;
  consecutiveFailures: number;
}

interface StateRow {
  name: string;
  last_delivered_seq: string;
  last_success_at: Date | null;
  last_attempt_at: Date | null;
  last_error: string | null;
  consecutive_failures: number;
}

const STATE_COLUMNS = 'name, last_delivered_seq, last_success_at, last_attempt_at, last_error, consecutive_failures';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `national_connector_state` (the cursors), `national_shares` (successful batches, read by layer 4) and the outbox counts around them. */
@Injectable()
export class NationalConnectorRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Creates the connector's cursor at the outbox's current end if it has none: a connector starts
   * with what happens from now on, not the deployment's whole history.
   */
  async ensureState(name: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO national_connector_state (name, last_delivered_seq) SELECT $1, coalesce(max(seq), 0) FROM outbox ON CONFLICT (name) DO NOTHING`,
      [name],
    );
  }

  async state(name: string): Promise<ConnectorState | null> {
    const rows: StateRow[] = await this.dataSource.query(`SELECT ${STATE_COLUMNS} FROM national_connector_state WHERE name = $1`, [name]);
    return rows[0] ? toState(rows[0]) : null;
  }

  /** The cursor, locked for the rest of the transaction (the advisory lock already keeps other nodes out). */
  async lockedState(tx: Tx, name: string): Promise<ConnectorState | null> {
    const rows: StateRow[] = await managerOf(tx).query(`SELECT ${STATE_COLUMNS} FROM national_connector_state WHERE name = $1 FOR UPDATE`, [name]);
    return rows[0] ? toState(rows[0]) : null;
  }

  /** A batch was accepted: move the cursor, clear the failure streak, record the share for layer 4. */
  async recordSuccess(tx: Tx, name: string, delivered: { lastSeq: number; items: number; at: Date }): Promise<void> {
    const manager = managerOf(tx);
    await manager.query(
      `UPDATE national_connector_state
       SET last_delivered_seq = $2, last_success_at = $3, last_attempt_at = $3, last_error = NULL, consecutive_failures = 0
       WHERE name = $1`,
      [name, delivered.lastSeq, delivered.at],
    );
    await manager.query('INSERT INTO national_shares (shared_at, channel, items) VALUES ($1, $2, $3)', [delivered.at, name, delivered.items]);
  }

  /** A batch was not accepted: the cursor stays where it is. */
  async recordFailure(tx: Tx, name: string, at: Date, error: string): Promise<ConnectorState> {
    const rows: StateRow[] = await managerOf(tx).query(
      `UPDATE national_connector_state
       SET last_attempt_at = $2, last_error = $3, consecutive_failures = consecutive_failures + 1
       WHERE name = $1 RETURNING ${STATE_COLUMNS}`,
      [name, at, error],
    );
    return toState(rows[0]!);
  }

  /** Messages of these types after the cursor, counted (the connector's queue length). */
  async backlog(after: number, types: readonly NationalMessageType[]): Promise<number> {
    const rows: Array<{ n: string }> = await this.dataSource.query('SELECT count(*) AS n FROM outbox WHERE seq > $1 AND type = ANY($2::text[])', [after, types]);
    return Number(rows[0]?.n ?? 0);
  }

  /** How many observables each incident has now (the outbox's incident payload does not carry them). */
  async observableCounts(tx: Tx, incidentIds: readonly string[]): Promise<Map<string, number>> {
    const ids = incidentIds.filter((id) => UUID.test(id));
    if (ids.length === 0) return new Map();
    const rows: Array<{ incident_id: string; n: number }> = await managerOf(tx).query(
      'SELECT incident_id, count(*)::int AS n FROM incident_observables WHERE incident_id = ANY($1::uuid[]) GROUP BY incident_id',
      [ids],
    );
    return new Map(rows.map((r) => [r.incident_id, r.n]));
  }
}

function toState(row: StateRow): ConnectorState {
  return {
    name: row.name,
    lastDeliveredSeq: Number(row.last_delivered_seq),
    lastSuccessAt: row.last_success_at,
    lastAttemptAt: row.last_attempt_at,
    lastError: row.last_error,
    consecutiveFailures: row.consecutive_failures,
  };
}
