import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerOf, Tx } from './transaction';

const DAY_MS = 86_400_000;
const PARTITION = /^security_events_p(\d{4})(\d{2})(\d{2})$/;

const nameOf = (day: Date) => `security_events_p${day.toISOString().slice(0, 10).replace(/-/g, '')}`;
const dayStart = (instant: Date) => new Date(Math.floor(instant.getTime() / DAY_MS) * DAY_MS);

/**
 * Daily partitions of `security_events` (UTC days). Rows that arrived before their day's partition
 * existed sit in the default partition and are moved into it when it is created.
 */
@Injectable()
export class EventPartitionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async existing(): Promise<Date[]> {
    const rows: Array<{ name: string }> = await this.dataSource.query(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'security_events'`,
    );
    return rows.flatMap(({ name }) => {
      const match = PARTITION.exec(name);
      return match ? [new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))] : [];
    });
  }

  /**
   * Holds writers off `security_events` until the transaction ends. Needed while attaching: an insert
   * planned before the attach would route a row to the default partition whose bounds just shrank, and
   * fail. Writers wait a moment instead; the pipeline never waits for anything this transaction holds.
   */
  async lockAgainstWriters(tx: Tx): Promise<void> {
    await managerOf(tx).query('LOCK TABLE security_events IN SHARE ROW EXCLUSIVE MODE');
  }

  /** Creates the day's partition, moving that day's rows out of the default partition, in the caller's transaction. */
  async create(tx: Tx, day: Date): Promise<number> {
    const manager = managerOf(tx);
    const from = dayStart(day);
    const to = new Date(from.getTime() + DAY_MS);
    const name = nameOf(from);
    await manager.query(`CREATE TABLE ${name} (LIKE security_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
    const moved: Array<{ n: string }> = await manager.query(
      `WITH moved AS (DELETE FROM security_events_default WHERE ts >= $1 AND ts < $2 RETURNING *)
       , inserted AS (INSERT INTO ${name} SELECT * FROM moved RETURNING 1)
       SELECT count(*) AS n FROM inserted`,
      [from.toISOString(), to.toISOString()],
    );
    await manager.query(`ALTER TABLE security_events ATTACH PARTITION ${name} FOR VALUES FROM ('${from.toISOString()}') TO ('${to.toISOString()}')`);
    return Number(moved[0]?.n ?? 0);
  }

  /** Drops a whole day: retention ends for every event in it at once. */
  async drop(tx: Tx, day: Date): Promise<void> {
    const manager = managerOf(tx);
    await manager.query(`DROP TABLE IF EXISTS ${nameOf(dayStart(day))}`);
    await manager.query('DELETE FROM event_retention_trims WHERE day = $1::date', [dayStart(day).toISOString().slice(0, 10)]);
  }

  /** Which retention classes (security level, 0 = none) each day has already been trimmed of. */
  async trimmedClasses(): Promise<Map<number, Set<number>>> {
    const rows: Array<{ day: string; retention_class: number }> = await this.dataSource.query(
      "SELECT to_char(day, 'YYYY-MM-DD') AS day, retention_class FROM event_retention_trims",
    );
    const trimmed = new Map<number, Set<number>>();
    for (const { day, retention_class } of rows) {
      const key = Date.parse(`${day}T00:00:00Z`);
      trimmed.set(key, (trimmed.get(key) ?? new Set()).add(retention_class));
    }
    return trimmed;
  }

  /** Deletes a day's events of the given retention classes and records, per class, that it did; returns the rows deleted. */
  async trimDay(tx: Tx, day: Date, classes: readonly number[]): Promise<number> {
    const manager = managerOf(tx);
    const counts: Array<{ c: number; n: string }> = await manager.query(
      `WITH gone AS (DELETE FROM ${nameOf(dayStart(day))} WHERE coalesce(security_level, 0) = ANY($1::smallint[]) RETURNING coalesce(security_level, 0) AS c)
       SELECT c, count(*) AS n FROM gone GROUP BY c`,
      [classes],
    );
    const deleted = new Map(counts.map(({ c, n }) => [Number(c), Number(n)]));
    await manager.query(
      `INSERT INTO event_retention_trims (day, retention_class, rows_deleted) SELECT $1::date, c, n FROM unnest($2::smallint[], $3::bigint[]) AS t (c, n)
       ON CONFLICT (day, retention_class) DO NOTHING`,
      [dayStart(day).toISOString().slice(0, 10), classes, classes.map((c) => deleted.get(c) ?? 0)],
    );
    return [...deleted.values()].reduce((sum, n) => sum + n, 0);
  }

  /**
   * Deletes default-partition rows (events far outside the partitioned days) past their class's
   * retention; `cutoffs[c]` is the cutoff of retention class c (security level, 0 = none).
   */
  async trimDefault(tx: Tx, cutoffs: readonly Date[]): Promise<number> {
    const rows: Array<{ n: string }> = await managerOf(tx).query(
      `WITH gone AS (DELETE FROM security_events_default WHERE ts < ($1::timestamptz[])[coalesce(security_level, 0) + 1] RETURNING 1)
       SELECT count(*) AS n FROM gone`,
      [cutoffs.map((cutoff) => cutoff.toISOString())],
    );
    return Number(rows[0]?.n ?? 0);
  }
}
