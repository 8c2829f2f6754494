import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { SECURITY_EVENTS_COPY_SQL } from '@soc/ingest';
import { withClient } from './bench-postgres';
import { CpuReading, meterCpu } from './cpu-meter';

export interface CopyResult {
  elapsedMs: number;
  batches: number;
  bytes: number;
  cpu: CpuReading;
}

/**
 * Ceiling 2: the rows COPYed into security_events on one connection, one transaction per batch of
 * `batchSize` rows (as the pipeline commits one transaction per Kafka batch). The CSV is built
 * beforehand, so only PostgreSQL and the wire are timed.
 */
export async function measureCopy(databaseUrl: string, rows: readonly string[], batchSize: number): Promise<CopyResult> {
  const chunks: Buffer[] = [];
  for (let from = 0; from < rows.length; from += batchSize) chunks.push(Buffer.from(rows.slice(from, from + batchSize).join(''), 'utf8'));
  const bytes = chunks.reduce((sum, c) => sum + c.length, 0);
  return withClient(databaseUrl, async (client) => {
    const began = performance.now();
    const cpu = meterCpu();
    for (const chunk of chunks) {
      await client.query('BEGIN');
      await pipeline(Readable.from([chunk]), client.query(copyFrom(SECURITY_EVENTS_COPY_SQL)));
      await client.query('COMMIT');
    }
    const elapsedMs = performance.now() - began;
    const reading = cpu();
    const stored = await client.query<{ n: string }>('SELECT count(*) AS n FROM security_events');
    if (Number(stored.rows[0]!.n) !== rows.length) throw new Error(`COPY stored ${stored.rows[0]!.n} rows, expected ${rows.length}`);
    return { elapsedMs, batches: chunks.length, bytes, cpu: reading };
  });
}
