import { Injectable } from '@nestjs/common';
import { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { StoredEvent } from '@soc/detection';
import { managerOf, Tx } from '@soc/storage';
import { copyRow } from './copy-text';

const COPY_CHUNK_CHARS = 64 * 1024;
const COLUMNS = 'id, ts, ingested_at, source_id, agency_id, system_id, security_level, transport, dataset, action, outcome, source_ip, user_name, host_name, doc';
export const SECURITY_EVENTS_COPY_SQL = `COPY security_events (${COLUMNS}) FROM STDIN`;

/** One event as a COPY text-format line in `SECURITY_EVENTS_COPY_SQL`'s column order. */
export function securityEventCopyRow({ id, event }: StoredEvent): string {
  return copyRow([
    id,
    event['@timestamp'],
    event.event.ingested,
    event.soc.source_id,
    event.soc.agency_id,
    event.soc.system_id,
    event.soc.security_level,
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

@Injectable()
export class EventsRepository {
  /**
   * Records which sources reported on which systems in this batch (one row per pair, latest times kept),
   * so posture can tell whether a system's log sources are reporting without scanning events.
   */
  async touchSystemSources(tx: Tx, events: readonly StoredEvent[]): Promise<void> {
    const pairs = new Map<string, { systemId: string; sourceId: string; eventAt: string; receivedAt: string }>();
    for (const { event } of events) {
      const systemId = event.soc.system_id;
      if (!systemId) continue;
      const key = `${systemId}\u0000${event.soc.source_id}`;
      const known = pairs.get(key);
      const eventAt = event['@timestamp'];
      const receivedAt = event.event.ingested;
      if (!known) pairs.set(key, { systemId, sourceId: event.soc.source_id, eventAt, receivedAt });
      else {
        if (eventAt > known.eventAt) known.eventAt = eventAt;
        if (receivedAt > known.receivedAt) known.receivedAt = receivedAt;
      }
    }
    if (pairs.size === 0) return;
    await managerOf(tx).query(
      `INSERT INTO system_sources (system_id, source_id, last_event_at, last_received_at)
       SELECT p."systemId", p."sourceId", p."eventAt", p."receivedAt"
       FROM jsonb_to_recordset($1::jsonb) AS p("systemId" text, "sourceId" text, "eventAt" timestamptz, "receivedAt" timestamptz)
       WHERE EXISTS (SELECT 1 FROM information_systems s WHERE s.id = p."systemId")
       ORDER BY 1, 2
       ON CONFLICT (system_id, source_id) DO UPDATE SET
         last_event_at = GREATEST(system_sources.last_event_at, EXCLUDED.last_event_at),
         last_received_at = GREATEST(system_sources.last_received_at, EXCLUDED.last_received_at)`,
      [JSON.stringify([...pairs.values()])],
    );
  }

  /** Bulk-writes events with COPY inside the caller's transaction (an order of magnitude above INSERT). */
  async copy(tx: Tx, events: readonly StoredEvent[]): Promise<void> {
    if (events.length === 0) return;
    const runner = managerOf(tx).queryRunner;
    if (!runner) throw new Error('COPY needs a transaction-bound query runner');
    const client = (await runner.connect()) as PoolClient;
    // One stream write per ~64 KB, not per row: the COPY stream pays per write.
    const chunks = function* () {
      let chunk = '';
      for (const stored of events) {
        chunk += securityEventCopyRow(stored);
        if (chunk.length >= COPY_CHUNK_CHARS) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk.length > 0) yield chunk;
    };
    await pipeline(Readable.from(chunks()), client.query(copyFrom(SECURITY_EVENTS_COPY_SQL)));
  }
}
