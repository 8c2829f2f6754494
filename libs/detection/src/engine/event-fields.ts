import type { SecurityEvent } from '@soc/parsers';
import { AGENCY_FIELD } from '../content/detection-content';

/** Stands for "no agency" in group keys: unattributed events still group (among themselves). */
export const NO_AGENCY = '-';

/**
 * A field of a normalized event by the name a correlation rule uses: an ECS path (`source.ip`), or a
 * Windows EventData name (`TargetUserName`), which our parsers keep under `winlog.event_data`.
 */
export function eventField(event: SecurityEvent, name: string): string | number | undefined {
  if (name === AGENCY_FIELD) return event.soc.agency_id ?? NO_AGENCY;
  const value = valueAt(event, name) ?? event.winlog?.event_data?.[name];
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value) && (typeof value[0] === 'string' || typeof value[0] === 'number')) return value[0];
  return undefined;
}

function valueAt(root: unknown, path: string): unknown {
  let node = root;
  for (const key of segmentsOf(path)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * A field name's path segments, split once: correlations read the same few fields of every event.
 * Names come from rules and exceptions; the cap only guards against an unbounded stream of them.
 */
const segments = new Map<string, readonly string[]>();
function segmentsOf(path: string): readonly string[] {
  let split = segments.get(path);
  if (!split) {
    if (segments.size >= 10_000) segments.clear();
    segments.set(path, (split = path.split('.')));
  }
  return split;
}
