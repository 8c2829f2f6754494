import { CorrelationLevel, CorrelationType } from './correlation-rule';

/**
 * One event as the correlation engine sees it, decoupled from the detection library: which detection
 * rules it matched and a way to read its fields.
 */
export interface CorrelationInput {
  eventId: string;
  /** Event time (epoch ms), not arrival time: windows and sequences run on it. */
  timestamp: number;
  /** Ids and names of the detection rules this event matched (either or both may be listed). */
  matched: readonly string[];
  /** A normalized-event field by the name used in the correlation rule (group-by, alias target, value field). */
  field(name: string): string | number | undefined;
  /** Occurrences the record stands for (syslog's "message repeated N times"); 1 when absent. */
  count?: number;
  /**
   * The event's values of the engine's `facets` fields, in that order (null: none), handed over by the
   * caller, which reads them once per event; the engine keeps this array with the event, unchanged.
   */
  facets?: readonly (string | null)[];
}

/** A correlation that held for one group during one burst of activity. */
export interface CorrelationMatch {
  /** Stable across updates, restarts and arrival orders: rule id + group values + first window start. */
  key: string;
  ruleId: string;
  ruleName?: string;
  title: string;
  /** The rule's level, `medium` when it has none. */
  level: CorrelationLevel;
  tags: readonly string[];
  /** Sigma asks to keep attribution visible. */
  author?: string;
  type: CorrelationType;
  /** The correlation's group-by names (aliases, not per-rule fields) → values. */
  groupBy: Record<string, string>;
  firstEventAt: number;
  lastEventAt: number;
  /** Contributing events, always exact (a chained correlation counts the events behind its inputs). */
  eventCount: number;
  /** All contributing event ids, or past the cap the first and last halves of it; a new array for each match reported, the receiver's to keep. */
  eventIds: string[];
  /** `eventCount - eventIds.length`: how many ids were left out of the middle. */
  eventIdsOmitted: number;
  /** value_count: distinct values seen over the whole burst (exact up to the engine's distinct-value cap). */
  valueCount?: number;
  /** temporal_ordered: the referenced rules in the order their events were found; temporal: the rules seen. */
  orderedRules?: string[];
  /** With `facets` configured: per facet field, the distinct values of all the events behind the match (capped). */
  facets?: Record<string, string[]>;
}

/** `created` the first time a burst matches; `updated` when more events join it. One per match per call. */
export interface CorrelationMatchChange {
  change: 'created' | 'updated';
  match: CorrelationMatch;
}

export type CorrelationHealthEvent =
  /** A rule hit its cap on open groups; the least recently active groups were evicted. */
  | { kind: 'state_cap'; ruleId: string; dropped: number }
  /** Events older than the watermark arrived for a rule; they were counted and left out of its windows. */
  | { kind: 'late_events'; ruleId: string; count: number };

export interface CorrelationOutput {
  matches: CorrelationMatchChange[];
  health: CorrelationHealthEvent[];
}

export interface CorrelationEngineOptions {
  /** How far behind the newest event time an event may arrive and still be correlated. Default 60 s. */
  latenessMs: number;
  /** Open groups per rule before the least recently active are evicted. Default 100 000. */
  maxGroupsPerRule: number;
  /** Event ids kept per match; past it the first and last halves are kept. Default 100. */
  maxEventIds: number;
  /** Distinct values remembered per value_count match; `valueCount` stops growing there. Default 10 000. */
  maxDistinctValues: number;
  /**
   * Fields whose distinct values every match lists (`facets`), besides its group-by values: e.g. the users
   * and hosts a brute force touched. Their values come with each input. Default none.
   */
  facets: readonly string[];
  /** Values listed per facet field and match. Default 50. */
  maxFacetValues: number;
  /** Epoch ms; used only by `advance()` without a hint, to flush windows while no events arrive. */
  clock?: () => number;
}

export const DEFAULT_CORRELATION_OPTIONS: CorrelationEngineOptions = {
  latenessMs: 60_000,
  maxGroupsPerRule: 100_000,
  maxEventIds: 100,
  maxDistinctValues: 10_000,
  facets: [],
  maxFacetValues: 50,
};

export interface CorrelationRuleStats {
  ruleId: string;
  openGroups: number;
  /** Items waiting for the watermark before they enter the windows. */
  pending: number;
  /** Events that arrived older than the watermark, counted per rule they would have fed. */
  late: number;
  /** Groups evicted by the state cap. */
  evicted: number;
  /** Events skipped because a group-by (or value_count) field was missing. */
  missingField: number;
  matchesCreated: number;
}

export interface CorrelationEngineStats {
  /** Null until the first event (or hint) sets it. */
  watermark: number | null;
  maxEventTime: number | null;
  /** Events that arrived late and fed at least one correlation. */
  late: number;
  /** Inputs whose timestamp was not a finite number; they were skipped. */
  invalidTimestamps: number;
  rules: CorrelationRuleStats[];
}
