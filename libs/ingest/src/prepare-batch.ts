import { StoredEvent } from '@soc/detection';
import type { AssetIndex } from '@soc/inventory';
import { type EnrichmentFlag, parseRaw, type SecurityEvent } from '@soc/parsers';
import type { SourceProfile } from '@soc/sources';
import { StreamMessage } from '@soc/transport';
import { randomUuid } from '@soc/shared';
import { DeadLetter } from './dead-letters.repository';

export interface BatchContext {
  stream: string;
  /** The deployment's zone, for sources whose profile names none. */
  defaultTimeZone: string;
  profiles: ReadonlyMap<string, SourceProfile>;
  assets: AssetIndex;
  newId?: () => string;
}

export interface PreparedBatch {
  events: StoredEvent[];
  deadLetters: DeadLetter[];
}

/**
 * Parses every record of a batch as its source's profile says (format hint, clock zone, else the
 * deployment's zone) and enriches it with its agency, information system and security level; what
 * cannot be parsed becomes a dead letter with its reason and raw bytes.
 */
export function prepareBatch(messages: readonly StreamMessage[], { stream, defaultTimeZone, profiles, assets, newId = randomUuid }: BatchContext): PreparedBatch {
  const events: StoredEvent[] = [];
  const deadLetters: DeadLetter[] = [];
  for (const { envelope, offset } of messages) {
    const profile = profiles.get(envelope.sourceId);
    const hinted = envelope.formatHint === undefined && profile?.formatHint ? { ...envelope, formatHint: profile.formatHint } : envelope;
    const outcome = parseRaw(hinted, { timeZone: profile?.timeZone ?? defaultTimeZone });
    if (outcome.ok) {
      enrich(outcome.event, profile, assets);
      events.push({ id: newId(), event: outcome.event });
    } else {
      deadLetters.push({
        receivedAt: envelope.receivedAt,
        sourceId: envelope.sourceId,
        agencyId: profile?.agencyId ?? null,
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

/**
 * The agency is the source's. A registered source without one is a province-wide sensor (say the data
 * centre's firewall): its events take the agency of the system they concern. An unregistered sender's
 * events get a system but no agency, so nobody can push events into an agency's view by spoofing.
 * Unknown sources and assets are kept, and flagged.
 */
function enrich(event: SecurityEvent, profile: SourceProfile | undefined, assets: AssetIndex): void {
  const registered = profile?.registered === true;
  const sourceAgencyId = profile?.agencyId ?? null;
  const system = assets.systemOf(event, sourceAgencyId);
  event.soc.agency_id = sourceAgencyId ?? (registered ? system?.agencyId ?? null : null);
  event.soc.system_id = system?.systemId ?? null;
  event.soc.security_level = system?.securityLevel ?? null;
  const flags: EnrichmentFlag[] = [];
  if (!registered) flags.push('unregistered_source');
  if (!system) flags.push('unknown_asset');
  if (flags.length > 0) event.soc.flags = flags;
}
