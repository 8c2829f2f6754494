import { CorrelationWindow, WindowSnapshot } from './correlation-window';
import { PendingItem } from './pending-item';

/**
 * temporal_ordered: finds rules[0], rules[1], … rules[n-1] in that order within the timespan.
 *
 * For each prefix length it keeps one partial sequence: the one that started latest, because a later
 * start leaves the most room for the remaining steps (it dominates every other partial of that length).
 * That makes each event O(n) instead of remembering every combination.
 *
 * Events with equal timestamps count as in order either way round (logs with one-second precision
 * often stamp "failed" and "accepted" alike), so same-timestamp items are re-chained until stable.
 */
export class OrderedSequence implements CorrelationWindow {
  private tieTs: number | null;

  constructor(
    private readonly timespanMs: number,
    /** steps[i]: the latest-starting sequence matching rules[0..i], or null. */
    private readonly steps: (PendingItem[] | null)[],
    /** Items at the newest timestamp seen, for re-chaining ties. */
    private tie: PendingItem[] = [],
    tieTs: number | null = null,
  ) {
    this.tieTs = tieTs;
  }

  static empty(ruleCount: number, timespanMs: number): OrderedSequence {
    return new OrderedSequence(timespanMs, new Array<PendingItem[] | null>(ruleCount).fill(null));
  }

  add(item: PendingItem): void {
    if (item.ts !== this.tieTs) {
      this.tie = [];
      this.tieTs = item.ts;
    }
    this.tie.push(item);
    let changed = this.extend(item);
    while (changed) {
      changed = false;
      for (const earlier of this.tie) if (this.extend(earlier)) changed = true;
    }
  }

  evictBefore(cutoff: number): void {
    for (let i = 0; i < this.steps.length; i += 1) {
      const chain = this.steps[i];
      if (chain && chain[0]!.ts < cutoff) this.steps[i] = null;
    }
  }

  /** Number of rules in the complete sequence when there is one, else the longest partial one. */
  measure(): number {
    for (let i = this.steps.length - 1; i >= 0; i -= 1) if (this.steps[i]) return i + 1;
    return 0;
  }

  contributing(): PendingItem[] {
    return this.steps[this.steps.length - 1] ?? [];
  }

  isEmpty(): boolean {
    return this.steps.every((chain) => chain === null);
  }

  clear(): void {
    this.steps.fill(null);
    this.tie = [];
    this.tieTs = null;
  }

  snapshot(): WindowSnapshot {
    return { kind: 'ordered', steps: this.steps.map((chain) => (chain ? [...chain] : null)), tieTs: this.tieTs, tie: [...this.tie] };
  }

  /** Tries `item` as step `item.ref`; true when that made a better (later-starting) partial sequence. */
  private extend(item: PendingItem): boolean {
    const step = item.ref;
    const current = this.steps[step];
    if (step === 0) {
      if (current && current[0]!.ts >= item.ts) return false;
      this.steps[0] = [item];
      return true;
    }
    const previous = this.steps[step - 1];
    if (!previous) return false;
    const start = previous[0]!.ts;
    if (start < item.ts - this.timespanMs) return false;
    if (current && current[0]!.ts >= start) return false;
    // One event cannot be two steps, even when it matched two of the rules.
    if (previous.some((earlier) => earlier.id === item.id)) return false;
    this.steps[step] = [...previous, item];
    return true;
  }
}
