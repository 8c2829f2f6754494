import { Injectable } from '@nestjs/common';
import { managerOf, Tx } from '@soc/storage';

export interface DeadLetter {
  receivedAt: Date;
  sourceId: string;
  agencyId: string | null;
  transport: string;
  stream: string;
  offset?: string;
  reason: string;
  raw: Buffer;
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
}
