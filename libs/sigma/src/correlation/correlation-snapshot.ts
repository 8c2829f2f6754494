import { WindowSnapshot } from './correlation-window';
import { MatchSnapshot } from './open-match';
import { PendingItem } from './pending-item';

/**
 * The engine's whole state as plain JSON, to be written in the same transaction as the events that
 * built it. Restoring it into an engine with the same rules continues every open window and burst.
 */
export interface CorrelationEngineSnapshot {
  version: 1;
  /** Null when no event has been seen. */
  maxEventTime: number | null;
  /** Highest idle-flush hint, null when none. */
  watermarkFloor: number | null;
  late: number;
  rules: Record<string, RuleStateSnapshot>;
}

export interface TimerEntry {
  at: number;
  group: string;
}

export interface GroupSnapshot {
  key: string;
  deadline: number;
  armedAt: number | null;
  anchorStart: number | null;
  window: WindowSnapshot;
  match: MatchSnapshot | null;
}

export interface RuleCounters {
  late: number;
  evicted: number;
  missingField: number;
  matchesCreated: number;
}

export interface RuleStateSnapshot {
  /** The rule's meaning when the snapshot was taken; state of a changed rule is not reused. */
  fingerprint: string;
  /** In the order they will be taken (older snapshots: heap order; either is read back). */
  pending: PendingItem[];
  timers: TimerEntry[];
  groups: GroupSnapshot[];
  counters: RuleCounters;
}
