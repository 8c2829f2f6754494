import { Injectable } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { managerOf, Tx } from '@soc/storage';
import { LiveMessage, OutboxEntry, StoredLiveMessage } from './live-message';

export const OUTBOX_CHANNEL = 'soc_outbox';
/**
 * Held (per transaction) while appending, so sequence numbers become visible in commit order:
 * a reader that has seen seq N never later finds a smaller one committed behind it.
 */
const OUTBOX_APPEND_LOCK = 7_201_002;

interface OutboxRow {
  seq: string;
  type: LiveMessage['type'];
  agency_id: string | null;
  payload: unknown;
  created_at: Date;
}

@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends messages in the caller's transaction and wakes every listening node when it commits. */
  async append(tx: Tx, entries: readonly OutboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const manager = managerOf(tx);
    await manager.query('SELECT pg_advisory_xact_lock($1)', [OUTBOX_APPEND_LOCK]);
    await manager.query(
      `INSERT INTO outbox (type, agency_id, payload)
       SELECT type, "agencyId", payload FROM jsonb_to_recordset($1::jsonb) AS m(type text, "agencyId" text, payload jsonb)`,
      [JSON.stringify(entries)],
    );
    await manager.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, '']);
  }

  async readAfter(seq: number, limit: number): Promise<StoredLiveMessage[]> {
    const rows: OutboxRow[] = await this.dataSource.query(
      'SELECT seq, type, agency_id, payload, created_at FROM outbox WHERE seq > $1 ORDER BY seq LIMIT $2',
      [seq, limit],
    );
    return rows.map((row) => ({
      agencyId: row.agency_id,
      message: { type: row.type, seq: Number(row.seq), ts: row.created_at.toISOString(), data: row.payload },
    }));
  }

  async lastSeq(): Promise<number> {
    const rows: Array<{ seq: string | null }> = await this.dataSource.query('SELECT max(seq) AS seq FROM outbox');
    return Number(rows[0]?.seq ?? 0);
  }

  /** A dedicated connection that LISTENs for appends (pooled connections cannot hold a LISTEN). */
  async listen(onAppend: () => void, onError: (error: Error) => void): Promise<() => Promise<void>> {
    const options = this.dataSource.options as { url?: string };
    const client = new Client({ connectionString: options.url, application_name: 'soc-outbox-listener' });
    client.on('notification', () => onAppend());
    client.on('error', onError);
    await client.connect();
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    return () => client.end();
  }
}
