import { Injectable } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { Priority } from '@soc/shared';
import { managerOf, Tx } from '@soc/storage';
import { type FeedSelection, prioritiesMeeting } from './feed-filter';
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
  priority: Priority | null;
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
      `INSERT INTO outbox (type, agency_id, priority, payload)
       SELECT type, "agencyId", priority, payload FROM jsonb_to_recordset($1::jsonb) AS m(type text, "agencyId" text, priority text, payload jsonb)`,
      [JSON.stringify(entries)],
    );
    await manager.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, '']);
  }

  async readAfter(seq: number, limit: number): Promise<StoredLiveMessage[]> {
    const rows: OutboxRow[] = await this.dataSource.query(
      'SELECT seq, type, agency_id, priority, payload, created_at FROM outbox WHERE seq > $1 ORDER BY seq LIMIT $2',
      [seq, limit],
    );
    return rows.map(toStored);
  }

  /**
   * The next `limit` messages after `seq` that a client with this selection receives (scope, agencies,
   * types, priority — a message without priority passes any minPriority), for replay. Filtering here
   * keeps a narrow client from paging through everyone else's messages.
   */
  async readSelectedAfter(seq: number, selection: FeedSelection, limit: number): Promise<StoredLiveMessage[]> {
    const rows: OutboxRow[] = await this.dataSource.query(
      `SELECT seq, type, agency_id, priority, payload, created_at FROM outbox
       WHERE seq > $1
         AND ($2::text[] IS NULL OR agency_id = ANY($2::text[]))
         AND ($3::text[] IS NULL OR type = ANY($3::text[]))
         AND ($4::text[] IS NULL OR priority IS NULL OR priority = ANY($4::text[]))
       ORDER BY seq LIMIT $5`,
      [seq, selection.agencies ?? null, selection.types ?? null, selection.minPriority ? prioritiesMeeting(selection.minPriority) : null, limit],
    );
    return rows.map(toStored);
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

function toStored(row: OutboxRow): StoredLiveMessage {
  return {
    agencyId: row.agency_id,
    priority: row.priority,
    message: { type: row.type, seq: Number(row.seq), ts: row.created_at.toISOString(), data: row.payload },
  };
}
