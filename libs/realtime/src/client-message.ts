import { ErrorCode, isPriority, PRIORITIES, SocError } from '@soc/shared';
import type { FeedFilters } from './feed-filter';
import { isLiveMessageType, LIVE_MESSAGE_TYPES, type LiveMessageType } from './live-message';

/** What a client may send on `/ws`. */
export type ClientRequest =
  /** Replaces the filters; with `since`, first replays every stored message after it that passes them. */
  | { type: 'subscribe'; since?: number; filters: FeedFilters }
  /** Records that the client has processed everything up to `seq` (kept per user, as the maximum). */
  | { type: 'ack'; seq: number };

const MAX_AGENCIES = 200;
const MAX_AGENCY_ID_LENGTH = 100;

/**
 * Reads one client frame into a request, or throws a `VALIDATION_FAILED` SocError whose message says
 * what is wrong and whose `details.field` names the offending field (none for a frame that is not JSON).
 */
export function parseClientMessage(frame: string | Buffer, isBinary = false): ClientRequest {
  if (isBinary) throw invalid('binary frames are not part of the protocol; send JSON text');
  let value: unknown;
  try {
    value = JSON.parse(typeof frame === 'string' ? frame : frame.toString('utf8'));
  } catch {
    throw invalid('not valid JSON');
  }
  if (!isPlainObject(value)) throw invalid('a message is a JSON object with a "type"');
  switch (value.type) {
    case 'subscribe':
      onlyKeys(value, ['type', 'since', 'filters'], '');
      return { type: 'subscribe', ...sinceOf(value.since), filters: filtersOf(value.filters) };
    case 'ack':
      onlyKeys(value, ['type', 'seq'], '');
      return { type: 'ack', seq: sequenceNumber(value.seq, 'seq') };
    default:
      throw invalid(`unknown message type ${JSON.stringify(value.type) ?? 'undefined'}; expected "subscribe" or "ack"`, 'type');
  }
}

function sinceOf(since: unknown): { since?: number } {
  return since === undefined || since === null ? {} : { since: sequenceNumber(since, 'since') };
}

function filtersOf(filters: unknown): FeedFilters {
  if (filters === undefined || filters === null) return {};
  if (!isPlainObject(filters)) throw invalid('filters must be an object with agencies, minPriority and/or types', 'filters');
  onlyKeys(filters, ['agencies', 'minPriority', 'types'], 'filters.');
  return {
    ...(filters.agencies === undefined ? {} : { agencies: agenciesOf(filters.agencies) }),
    ...(filters.minPriority === undefined ? {} : { minPriority: minPriorityOf(filters.minPriority) }),
    ...(filters.types === undefined ? {} : { types: typesOf(filters.types) }),
  };
}

function agenciesOf(agencies: unknown): string[] {
  const valid =
    Array.isArray(agencies) &&
    agencies.length > 0 &&
    agencies.length <= MAX_AGENCIES &&
    agencies.every((agency) => typeof agency === 'string' && agency.length > 0 && agency.length <= MAX_AGENCY_ID_LENGTH);
  if (!valid) throw invalid(`filters.agencies must list 1 to ${MAX_AGENCIES} agency ids (omit it for every agency you may see)`, 'filters.agencies');
  return agencies as string[];
}

function minPriorityOf(minPriority: unknown): FeedFilters['minPriority'] {
  if (!isPriority(minPriority)) throw invalid(`filters.minPriority must be one of ${PRIORITIES.join(', ')}`, 'filters.minPriority');
  return minPriority;
}

function typesOf(types: unknown): LiveMessageType[] {
  if (!Array.isArray(types) || types.length === 0) throw invalid(`filters.types must list message types: ${LIVE_MESSAGE_TYPES.join(', ')}`, 'filters.types');
  const unknown = types.filter((type) => !isLiveMessageType(type));
  if (unknown.length > 0) throw invalid(`filters.types: unknown ${unknown.map((t) => JSON.stringify(t)).join(', ')}; known: ${LIVE_MESSAGE_TYPES.join(', ')}`, 'filters.types');
  return types as LiveMessageType[];
}

function sequenceNumber(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw invalid(`${field} must be a non-negative integer (a seq)`, field);
  return value;
}

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[], prefix: string): void {
  const extra = Object.keys(value).find((key) => !allowed.includes(key));
  if (extra !== undefined) throw invalid(`unknown field ${prefix}${extra}`, `${prefix}${extra}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(message: string, field?: string): SocError {
  return new SocError(ErrorCode.ValidationFailed, message, field === undefined ? undefined : { field });
}
