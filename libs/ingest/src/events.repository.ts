import { Injectable } from '@nestjs/common';
import { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { StoredEvent } from '@soc/detection';
import { managerOf, Tx } from '@soc/storage';
import { csvRow } from './csv-copy';

const COLUMNS = 'id, ts, ingested_at, source_id, transport, dataset, action, outcome, source_ip, user_name, host_name, doc';

@Injectable()
export class EventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Bulk-writes events with COPY inside the caller's transaction (an order of magnitude above INSERT). */
  async copy(tx: Tx, events: readonly StoredEvent[]): Promise<void> {
    if (events.length === 0) return;
    const runner = managerOf(tx).queryRunner;
    if (!runner) throw new Error('COPY needs a transaction-bound query runner');
    const client = (await runner.connect()) as PoolClient;
    const rows = function* () {
      for (const { id, event } of events) {
        yield csvRow([
          id,
          event['@timestamp'],
          event.event.ingested,
          event.soc.source_id,
          event.soc.transport,
          event.event.dataset,
          event.event.action,
          event.event.outcome,
          event.source?.ip,
          event.user?.name,
          event.host?.name,
          JSON.stringify(event),
        ]);
      }
    };
    await pipeline(Readable.from(rows()), client.query(copyFrom(`COPY security_events (${COLUMNS}) FROM STDIN WITH (FORMAT csv)`)));
  }

  async countBySource(sourceId: string): Promise<number> {
    const rows: Array<{ n: string }> = await this.dataSource.query('SELECT count(*) AS n FROM security_events WHERE source_id = $1', [sourceId]);
    return Number(rows[0]!.n);
  }
}
