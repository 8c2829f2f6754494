import type { CorrelationEngineSnapshot } from '@soc/sigma';

/** A single-event alert still open to more matches (suppression: repeats update it instead of raising new ones). */
export interface OpenAlert {
  fingerprint: string;
  ruleId: string;
  firstSeen: number;
  lastSeen: number;
  eventCount: number;
  eventIds: string[];
  agencyId: string | null;
  sourceIps: string[];
  users: string[];
  hosts: string[];
  systems: string[];
  level: number | null;
  /** Why it matched, from its first event. */
  explanation: string;
  matches: MatchedSelection[];
  /** Present on threat-intel alerts. */
  indicator?: { listId: string; listName: string; type: string; value: string; description: string | null };
  severity?: 'low' | 'medium' | 'high' | 'critical';
}

export interface MatchedSelection {
  selection: string;
  field: string | null;
  value: string | null;
}

/** Everything detection remembers for one stream; plain JSON, checkpointed with the batch that built it. */
export interface DetectionState {
  version: 2;
  /** The correlation engine's snapshot; a rule whose meaning changed since restarts empty, the others continue. */
  correlation?: CorrelationEngineSnapshot;
  open: Record<string, OpenAlert>;
  /** Newest event time seen (single-event suppression windows close behind it). */
  maxEventTime: number;
  /** Events claiming a time too far ahead of the clock: kept, but not allowed to drive event time. */
  futureEvents: number;
  /** Events that arrived after the lateness budget (each counted once): stored and matched alone, but not correlated. */
  lateEvents: number;
}

export const emptyDetectionState = (): DetectionState => ({ version: 2, open: {}, maxEventTime: 0, futureEvents: 0, lateEvents: 0 });

/** State saved by an earlier version (or none) starts afresh rather than being misread. */
export function usableState(saved: unknown): DetectionState {
  const state = saved as Partial<DetectionState> | undefined;
  return state?.version === 2 && typeof state.open === 'object' ? (state as DetectionState) : emptyDetectionState();
}
