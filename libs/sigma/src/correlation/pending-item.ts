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
  /**
   * Values of the engine's facet fields, in their order: an event's value (null when it has none), or for
   * a chained input the values listed by the upstream match.
   */
  facets?: ReadonlyArray<string | null | readonly string[]>;
}

/**
 * A pending item with every member present, undefined when it has none, always in this order: items of
 * one shape keep the code that sorts and applies them monomorphic (with members added only when present,
 * V8's optimized code depended on which shapes it happened to see first). JSON leaves the undefined
 * members out, so a checkpoint is the same either way.
 */
export function pendingItem(ts: number, id: string, ref: number, group: string, more: Partial<PendingItem> = {}): PendingItem {
  return { ts, id, ref, group, value: more.value, ids: more.ids, count: more.count, firstAt: more.firstAt, facets: more.facets };
}

/**
 * The one order every correlation consumes its items in: event time, then event id, then rule. Because
 * it is total and independent of arrival, results do not depend on batching or arrival order.
 * A comparator (negative: `a` first).
 */
export function compareItems(a: PendingItem, b: PendingItem): number {
  if (a.ts !== b.ts) return a.ts < b.ts ? -1 : 1;
  // The same order as comparing the ids as strings: ids that differ in their first code unit are ordered
  // by it, a number comparison where comparing strings is a call; random ids (UUIDs) mostly differ there.
  // (An empty id's code unit is NaN, which falls through to the string comparison.)
  const first = a.id.charCodeAt(0);
  const other = b.id.charCodeAt(0);
  if (first < other) return -1;
  if (first > other) return 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return a.ref - b.ref;
}
