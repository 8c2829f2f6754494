import { Injectable } from '@nestjs/common';
import type { IngestTransport } from '@soc/parsers';
import { managerOf, Tx } from '@soc/storage';
import type { DeadLetter } from '@soc/transport';

export type { DeadLetter };

/** A dead letter waiting for a parser that can read it. */
export interface PendingDeadLetter extends DeadLetter {
  id: string;
}

@Injectable()
export class DeadLettersRepository {
  async insert(tx: Tx, letters: readonly DeadLetter[]): Promise<void> {
    if (letters.length === 0) return;
    await managerOf(tx).query(
      `INSERT INTO dead_letters (received_at, source_id, transport, stream, stream_offset, reason, raw, agency_id)
       SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::bytea[], $8::text[])`,
      [
        letters.map((l) => l.receivedAt.toISOString()),
        letters.map((l) => l.sourceId),
        letters.map((l) => l.transport),
        letters.map((l) => l.stream),
        letters.map((l) => l.offset ?? null),
        letters.map((l) => l.reason),
        letters.map((l) => l.raw),
        letters.map((l) => l.agencyId),
      ],
    );
  }

  /** Locks up to `limit` unrecovered dead letters (skipping ones another replay holds), oldest first. */
  async lockPending(tx: Tx, limit: number, afterId: string, sourceId?: string): Promise<PendingDeadLetter[]> {
    const rows: Array<{ id: string; received_at: Date; source_id: string; agency_id: string | null; transport: string; stream: string; stream_offset: string | null; reason: string; raw: Buffer }> =
      await managerOf(tx).query(
        `SELECT id, received_at, source_id, agency_id, transport, stream, stream_offset, reason, raw FROM dead_letters
         WHERE replayed_at IS NULL AND id > $1 AND ($2::text IS NULL OR source_id = $2)
         ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [afterId, sourceId ?? null, limit],
      );
    return rows.map((row) => ({
      id: row.id,
      receivedAt: row.received_at,
      sourceId: row.source_id,
      agencyId: row.agency_id,
      transport: row.transport as IngestTransport,
      stream: row.stream,
      offset: row.stream_offset ?? undefined,
      reason: row.reason,
      raw: row.raw,
    }));
  }

  async markRecovered(tx: Tx, recovered: ReadonlyArray<{ deadLetterId: string; eventId: string }>): Promise<void> {
    if (recovered.length === 0) return;
    await managerOf(tx).query(
      `UPDATE dead_letters d SET replayed_at = now(), replayed_event_id = r.event_id
       FROM unnest($1::bigint[], $2::uuid[]) AS r(id, event_id) WHERE d.id = r.id`,
      [recovered.map((r) => r.deadLetterId), recovered.map((r) => r.eventId)],
    );
  }

  /** Records why the current parsers still cannot read them (the reason may have changed). */
  async updateReasons(tx: Tx, failures: ReadonlyArray<{ deadLetterId: string; reason: string }>): Promise<void> {
    if (failures.length === 0) return;
    await managerOf(tx).query(
      `UPDATE dead_letters d SET reason = r.reason FROM unnest($1::bigint[], $2::text[]) AS r(id, reason) WHERE d.id = r.id`,
      [failures.map((f) => f.deadLetterId), failures.map((f) => f.reason)],
    );
  }
}
