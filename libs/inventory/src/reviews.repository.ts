import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerOf, type Tx } from '@soc/storage';
import type { ReviewTrigger } from './dossier/redetermination';

/** A re-determination of a system's level waiting for (or done by) its owner. */
export interface ReviewRecord {
  id: string;
  systemId: string;
  trigger: string;
  reason: string;
  status: 'open' | 'done';
  createdAt: string;
  closedAt: string | null;
}

interface ReviewRow {
  id: string;
  system_id: string;
  trigger: string;
  reason: string;
  status: 'open' | 'done';
  created_at: Date;
  closed_at: Date | null;
}

const COLUMNS = 'id, system_id, trigger, reason, status, created_at, closed_at';

const toRecord = (row: ReviewRow): ReviewRecord => ({
  id: row.id,
  systemId: row.system_id,
  trigger: row.trigger,
  reason: row.reason,
  status: row.status,
  createdAt: row.created_at.toISOString(),
  closedAt: row.closed_at?.toISOString() ?? null,
});

/** Re-determination reviews (`posture_reviews`): at most one open per system and trigger. */
@Injectable()
export class ReviewsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Opens a review in the caller's transaction unless one for this trigger is already open (then
   * undefined: the open one already asks for the re-determination). Callers audit what it returns.
   */
  async openReview(tx: Tx, systemId: string, trigger: ReviewTrigger, reason: string): Promise<ReviewRecord | undefined> {
    const rows: ReviewRow[] = await managerOf(tx).query(
      `INSERT INTO posture_reviews (system_id, trigger, reason) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
      [systemId, trigger, reason],
    );
    return rows[0] && toRecord(rows[0]);
  }

  /** Newest first. The caller has checked the system is visible. */
  async listOf(systemId: string): Promise<ReviewRecord[]> {
    const rows: ReviewRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM posture_reviews WHERE system_id = $1 ORDER BY created_at DESC, id`, [systemId]);
    return rows.map(toRecord);
  }

  /** The review, locked until the transaction ends; undefined if the system has no such review. */
  async find(tx: Tx, systemId: string, reviewId: string): Promise<ReviewRecord | undefined> {
    const rows: ReviewRow[] = await managerOf(tx).query(`SELECT ${COLUMNS} FROM posture_reviews WHERE system_id = $1 AND id = $2 FOR UPDATE`, [systemId, reviewId]);
    return rows[0] && toRecord(rows[0]);
  }

  async close(tx: Tx, reviewId: string): Promise<ReviewRecord | undefined> {
    const rows: ReviewRow[] = await managerOf(tx).query(
      `WITH closed AS (UPDATE posture_reviews SET status = 'done', closed_at = now() WHERE id = $1 AND status = 'open' RETURNING *) SELECT ${COLUMNS} FROM closed`,
      [reviewId],
    );
    return rows[0] && toRecord(rows[0]);
  }
}
