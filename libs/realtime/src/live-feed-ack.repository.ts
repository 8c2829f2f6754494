import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Per user, the highest seq a live-feed client acknowledged: where a console resumes after a restart. */
@Injectable()
export class LiveFeedAckRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** 0 when the user never acknowledged anything. */
  async lastAcked(userId: string): Promise<number> {
    const rows: Array<{ last_acked_seq: string }> = await this.dataSource.query('SELECT last_acked_seq FROM live_feed_acks WHERE user_id = $1', [userId]);
    return Number(rows[0]?.last_acked_seq ?? 0);
  }

  /**
   * Raises the user's acknowledged seq to `seq` (never lowers it: acks from several consoles or out of
   * order keep the maximum). Returns the stored value, or undefined when `seq` was never issued — an
   * ack from the future would make every later resume skip messages.
   */
  async record(userId: string, seq: number): Promise<number | undefined> {
    const rows: Array<{ last_acked_seq: string }> = await this.dataSource.query(
      `INSERT INTO live_feed_acks (user_id, last_acked_seq, updated_at)
       SELECT $1::uuid, $2::bigint, now() WHERE $2::bigint <= (SELECT coalesce(max(seq), 0) FROM outbox)
       ON CONFLICT (user_id) DO UPDATE
         SET last_acked_seq = GREATEST(live_feed_acks.last_acked_seq, EXCLUDED.last_acked_seq), updated_at = EXCLUDED.updated_at
       RETURNING last_acked_seq`,
      [userId, seq],
    );
    return rows[0] === undefined ? undefined : Number(rows[0].last_acked_seq);
  }
}
