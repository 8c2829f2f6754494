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
    await managerOf(tx).query(`DROP TABLE IF EXISTS ${nameOf(dayStart(day))}`);
  }

  /** Deletes default-partition rows older than `before` (events far outside the partitioned days). */
  async trimDefault(tx: Tx, before: Date): Promise<number> {
    const rows: Array<{ n: string }> = await managerOf(tx).query(
      'WITH gone AS (DELETE FROM security_events_default WHERE ts < $1 RETURNING 1) SELECT count(*) AS n FROM gone',
      [before.toISOString()],
    );
    return Number(rows[0]?.n ?? 0);
  }
}
