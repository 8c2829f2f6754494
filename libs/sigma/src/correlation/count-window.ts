import { CorrelationWindow, WindowSnapshot } from './correlation-window';
import { PendingItem } from './pending-item';

/** What a count window measures: events (event_count), distinct values (value_count), distinct rules (temporal). */
export type CountMeasure = 'events' | 'values' | 'rules';

/**
 * A time-ordered deque of items with incrementally maintained distinct counts, so each event costs
 * O(1) amortized however large the window.
 */
export class CountWindow implements CorrelationWindow {
  private items: PendingItem[] = [];
  /** Index of the oldest live item; the dead prefix is compacted away in bulk. */
  private start = 0;
  /** Only what the measure needs is allocated: 100k open groups should cost little. */
  private readonly valueCounts: Map<string, number> | undefined;
  private readonly ruleCounts: number[] | undefined;
  private distinctRules = 0;
  /** Events measure: occurrences in the window (a repeated-message record weighs its count; a chained input weighs 1). */
  private weight = 0;

  constructor(
    measureOf: CountMeasure,
    ruleCount: number,
    items: readonly PendingItem[] = [],
  ) {
    if (measureOf === 'values') this.valueCounts = new Map();
    if (measureOf === 'rules') this.ruleCounts = new Array<number>(ruleCount).fill(0);
    for (const item of items) this.add(item);
  }

  add(item: PendingItem): void {
    this.items.push(item);
    this.weight += weightOf(item);
    if (this.valueCounts) {
      const value = item.value ?? '';
      this.valueCounts.set(value, (this.valueCounts.get(value) ?? 0) + 1);
    } else if (this.ruleCounts) {
      if (this.ruleCounts[item.ref]! === 0) this.distinctRules += 1;
      this.ruleCounts[item.ref]! += 1;
    }
  }

  evictBefore(cutoff: number): void {
    const items = this.items;
    while (this.start < items.length && items[this.start]!.ts < cutoff) {
      this.forget(items[this.start]!);
      this.start += 1;
    }
    if (this.start === items.length) {
      this.items = [];
      this.start = 0;
    } else if (this.start > 64 && this.start * 2 > items.length) {
      this.items = items.slice(this.start);
      this.start = 0;
    }
  }

  measure(): number {
    if (this.valueCounts) return this.valueCounts.size;
    if (this.ruleCounts) return this.distinctRules;
    return this.weight;
  }

  contributing(): PendingItem[] {
    return this.items.slice(this.start);
  }

  isEmpty(): boolean {
    return this.start === this.items.length;
  }

  clear(): void {
    this.items = [];
    this.start = 0;
    this.weight = 0;
    this.valueCounts?.clear();
    this.ruleCounts?.fill(0);
    this.distinctRules = 0;
  }

  snapshot(): WindowSnapshot {
    return { kind: 'count', items: this.contributing() };
  }

  private forget(item: PendingItem): void {
    this.weight -= weightOf(item);
    if (this.valueCounts) {
      const value = item.value ?? '';
      const left = (this.valueCounts.get(value) ?? 1) - 1;
      if (left === 0) this.valueCounts.delete(value);
      else this.valueCounts.set(value, left);
    } else if (this.ruleCounts) {
      this.ruleCounts[item.ref]! -= 1;
      if (this.ruleCounts[item.ref]! === 0) this.distinctRules -= 1;
    }
  }
}

/** How many occurrences an item is: a plain event its `count` (repeated messages), a chained input one. */
const weightOf = (item: PendingItem): number => (item.ids === undefined && item.count !== undefined && item.count > 1 ? item.count : 1);
