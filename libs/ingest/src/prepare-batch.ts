import { randomUUID } from 'node:crypto';
import { StoredEvent } from '@soc/detection';
import { parseRaw } from '@soc/parsers';
import type { SourceProfile } from '@soc/sources';
import { StreamMessage } from '@soc/transport';
import { DeadLetter } from './dead-letters.repository';

export interface PreparedBatch {
  events: StoredEvent[];
  deadLetters: DeadLetter[];
}

/**
 * Parses every record of a batch as its source's profile says (format hint, clock zone, else the
 * deployment's zone) and attributes it to the source's agency (null when the source is not
 * registered); what cannot be parsed becomes a dead letter with its reason and raw bytes.
 */
export function prepareBatch(
  messages: readonly StreamMessage[],
  stream: string,
  defaultTimeZone: string,
  profiles: ReadonlyMap<string, SourceProfile>,
  newId: () => string = randomUUID,
): PreparedBatch {
  const events: StoredEvent[] = [];
  const deadLetters: DeadLetter[] = [];
  for (const { envelope, offset } of messages) {
    const profile = profiles.get(envelope.sourceId);
    const hinted = envelope.formatHint === undefined && profile?.formatHint ? { ...envelope, formatHint: profile.formatHint } : envelope;
    const outcome = parseRaw(hinted, { timeZone: profile?.timeZone ?? defaultTimeZone });
    const agencyId = profile?.agencyId ?? null;
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
