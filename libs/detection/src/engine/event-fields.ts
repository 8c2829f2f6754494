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
  let start = 0;
  while (node !== null && typeof node === 'object') {
    const dot = path.indexOf('.', start);
    const key = dot < 0 ? path.slice(start) : path.slice(start, dot);
    node = (node as Record<string, unknown>)[key];
    if (dot < 0) return node;
    start = dot + 1;
  }
  return undefined;
}
