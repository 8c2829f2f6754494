/**
 * One (event, referenced rule) pair on its way into a correlation's windows. Plain data: pending items
 * and window contents are checkpointed as they are.
 */
export interface PendingItem {
  /** Event time (epoch ms); for a chained correlation's match, the time its condition became true. */
  ts: number;
  /** The event id; for a chained input, the upstream match key. */
  id: string;
  /** Index of the referenced rule in the correlation's `rules`. */
  ref: number;
  /** The group key: JSON of the group-by values, in group-by order. */
  group: string;
  /** value_count: the counted value (JSON of the values when several fields are counted). */
  value?: string;
  /** Chained input: the ids of the events behind the upstream match (sampled). */
  ids?: string[];
  /** Chained input: the exact count of events behind the upstream match; an event: the occurrences it stands for (absent: 1). */
  count?: number;
  /** Chained input: the time of the first event behind the upstream match. */
  firstAt?: number;
}

/**
 * The one order every correlation consumes its items in: event time, then event id, then rule. Because
 * it is total and independent of arrival, results do not depend on batching or arrival order.
 */
export function itemBefore(a: PendingItem, b: PendingItem): boolean {
  if (a.ts !== b.ts) return a.ts < b.ts;
  if (a.id !== b.id) return a.id < b.id;
  return a.ref < b.ref;
}
