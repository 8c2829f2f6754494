import { randomUUID } from 'node:crypto';
import { securityEventCopyRow } from '@soc/ingest';
import { parseRaw, SecurityEvent } from '@soc/parsers';
import type { RawRecord } from './ssh-workload';

export interface EventRows {
  /** One CSV row per record (N rows): parsed records as the pipeline would store them. */
  rows: string[];
  parsed: number;
  deadLetters: number;
  meanDocBytes: number;
}

/**
 * The rows the pipeline would COPY, built with the app's own parser (outside any timing). A record
 * the parser rejects (a dead letter in the pipeline) is stood in for by the previous parsed record
 * with a new id, so the COPY ceiling writes exactly N rows of realistic size.
 */
export function buildEventRows(records: readonly RawRecord[], timeZone: string, receivedAt = new Date()): EventRows {
  const rows: string[] = [];
  let parsed = 0;
  let docBytes = 0;
  let previous: SecurityEvent | undefined;
  let standIns = 0;
  for (const record of records) {
    const outcome = parseRaw({ sourceId: record.sourceId, receivedAt, transport: 'kafka', payload: record.line }, { timeZone });
    if (!outcome.ok) {
      if (previous) rows.push(eventRow(previous));
      else standIns += 1;
      continue;
    }
    parsed += 1;
    previous = outcome.event;
    const row = eventRow(outcome.event);
    docBytes += Buffer.byteLength(JSON.stringify(outcome.event));
    rows.push(row);
  }
  if (!previous) throw new Error('no record of the workload parses');
  for (let i = 0; i < standIns; i += 1) rows.push(eventRow(previous));
  return { rows, parsed, deadLetters: records.length - parsed, meanDocBytes: parsed > 0 ? docBytes / parsed : 0 };
}

/** The row EventsRepository.copy writes for this event, under a fresh id. */
function eventRow(event: SecurityEvent): string {
  return securityEventCopyRow({ id: randomUUID(), event });
}
