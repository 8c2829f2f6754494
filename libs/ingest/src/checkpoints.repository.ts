import { gunzipSync, gzipSync } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DetectionState } from '@soc/detection';
import { managerOf, Tx } from '@soc/storage';

/** A stream's position as of its last committed batch; `version` changes with every write. */
export interface CheckpointHead {
  nextOffset?: string;
  version: string;
}

@Injectable()
export class CheckpointsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Locks the stream's checkpoint row for this transaction (creating it the first time). Two
   * consumers that both think they own a partition (during a rebalance) are serialized here, and the
   * second sees the first one's offset and skips what is already stored.
   */
  async lock(tx: Tx, stream: string): Promise<CheckpointHead> {
    const manager = managerOf(tx);
    await manager.query(
      `INSERT INTO stream_checkpoints (stream, detection_state) VALUES ($1, convert_to('null', 'UTF8')) ON CONFLICT (stream) DO NOTHING`,
      [stream],
    );
    const rows: Array<{ next_offset: string | null; version: string }> = await manager.query(
      'SELECT next_offset, xmin::text AS version FROM stream_checkpoints WHERE stream = $1 FOR UPDATE',
      [stream],
    );
    return { nextOffset: rows[0]!.next_offset ?? undefined, version: rows[0]!.version };
  }

  async loadState(tx: Tx, stream: string): Promise<DetectionState | undefined> {
    const rows: Array<{ detection_state: Buffer | null }> = await managerOf(tx).query(
      'SELECT detection_state FROM stream_checkpoints WHERE stream = $1',
      [stream],
    );
    const stored = rows[0]?.detection_state;
    return stored ? ((JSON.parse(readState(stored)) as DetectionState | null) ?? undefined) : undefined;
  }

  /** Stores the new position and detection state; returns the row's new version. */
  async save(tx: Tx, stream: string, nextOffset: string | undefined, state: DetectionState): Promise<string> {
    // Wrapped in a CTE because TypeORM returns [rows, count] for a bare UPDATE but rows for a SELECT.
    const rows: Array<{ version: string }> = await managerOf(tx).query(
      `WITH saved AS (
         UPDATE stream_checkpoints SET next_offset = $2, detection_state = $3, updated_at = now()
         WHERE stream = $1 RETURNING xmin::text AS version)
       SELECT version FROM saved`,
      [stream, nextOffset ?? null, gzipSync(JSON.stringify(state), { level: 1 })],
    );
    return rows[0]!.version;
  }

  async nextOffset(stream: string): Promise<string | undefined> {
    const rows: Array<{ next_offset: string | null }> = await this.dataSource.query(
      'SELECT next_offset FROM stream_checkpoints WHERE stream = $1',
      [stream],
    );
    return rows[0]?.next_offset ?? undefined;
  }
}

/** The state as JSON text: gzip as written by `save`, or plain JSON from before compression (and the initial `null`). */
export function readState(stored: Buffer): string {
  const gzipped = stored.length > 2 && stored[0] === 0x1f && stored[1] === 0x8b;
  return (gzipped ? gunzipSync(stored) : stored).toString('utf8');
}
