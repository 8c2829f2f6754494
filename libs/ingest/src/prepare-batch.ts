import { randomUUID } from 'node:crypto';
import { StoredEvent } from '@soc/detection';
import { parseRaw } from '@soc/parsers';
import { StreamMessage } from '@soc/transport';
import { DeadLetter } from './dead-letters.repository';

export interface PreparedBatch {
  events: StoredEvent[];
  deadLetters: DeadLetter[];
}

/**
 * Parses every record of a batch and attributes it to its source's agency (`agencies`, null when the
 * source is not registered); what cannot be parsed becomes a dead letter with its reason and raw bytes.
 */
export function prepareBatch(
  messages: readonly StreamMessage[],
  stream: string,
  timeZone: string,
  agencies: ReadonlyMap<string, string | null>,
  newId: () => string = randomUUID,
): PreparedBatch {
  const events: StoredEvent[] = [];
  const deadLetters: DeadLetter[] = [];
  for (const { envelope, offset } of messages) {
    const outcome = parseRaw(envelope, { timeZone });
    const agencyId = agencies.get(envelope.sourceId) ?? null;
    if (outcome.ok) {
      outcome.event.soc.agency_id = agencyId;
      events.push({ id: newId(), event: outcome.event });
    } else {
      deadLetters.push({
        receivedAt: envelope.receivedAt,
        sourceId: envelope.sourceId,
        agencyId,
        transport: envelope.transport,
        stream,
        offset,
        reason: outcome.reason,
        raw: Buffer.from(envelope.payload, 'utf8'),
      });
    }
  }
  return { events, deadLetters };
}
