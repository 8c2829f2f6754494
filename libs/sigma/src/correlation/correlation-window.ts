import { PendingItem } from './pending-item';

export type WindowSnapshot =
  | { kind: 'count'; items: PendingItem[] }
  | { kind: 'ordered'; steps: (PendingItem[] | null)[]; tieTs: number | null; tie: PendingItem[] };

/**
 * The events of one group that may still take part in a match, and the measure the condition is
 * checked against. Items arrive in event-time order (the engine guarantees it).
 */
export interface CorrelationWindow {
  add(item: PendingItem): void;
  /** Forgets items older than `cutoff`: they can no longer share a window with anything to come. */
  evictBefore(cutoff: number): void;
  /** Event count, distinct values or distinct rules, depending on the correlation type. */
  measure(): number;
  /** The items that make the measure: they become the match's first events. */
  contributing(): PendingItem[];
  isEmpty(): boolean;
  clear(): void;
  snapshot(): WindowSnapshot;
}
