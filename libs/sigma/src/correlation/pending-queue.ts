import { compareItems, pendingItem, PendingItem } from './pending-item';

/**
 * Items waiting for the watermark, taken in {@link compareItems} order. Items come in any order and are
 * sorted once per flush: a stream's events mostly arrive in time order, and a sort that finds the ordered
 * runs costs about one comparison per item, where a heap costs about 2·log n per item it hands out.
 */
export class PendingQueue {
  /** In order; the items before `next` are taken. */
  private sorted: PendingItem[];
  private next = 0;
  /** Added since the last sort. */
  private incoming: PendingItem[] = [];

  /** `items` in any order (a snapshot written by an older version kept them in heap order). */
  constructor(items: readonly PendingItem[] = []) {
    // Read back from JSON, items lack their undefined members: given their one shape again.
    this.sorted = items.map((item) => pendingItem(item.ts, item.id, item.ref, item.group, item)).sort(compareItems);
  }

  get size(): number {
    return this.sorted.length - this.next + this.incoming.length;
  }

  push(item: PendingItem): void {
    this.incoming.push(item);
  }

  peek(): PendingItem | undefined {
    if (this.incoming.length > 0) this.settle();
    return this.sorted[this.next];
  }

  /** Takes the item `peek` returned. */
  pop(): PendingItem | undefined {
    const item = this.peek();
    if (item === undefined) return undefined;
    this.next += 1;
    if (this.next === this.sorted.length) {
      this.sorted = [];
      this.next = 0;
    }
    return item;
  }

  /** The waiting items in order (a copy: snapshots are kept while the queue moves on). */
  items(): PendingItem[] {
    if (this.incoming.length > 0) this.settle();
    return this.sorted.slice(this.next);
  }

  /** Sorts the new items and merges them with the waiting ones. */
  private settle(): void {
    const incoming = this.incoming.sort(compareItems);
    this.incoming = [];
    const waiting = this.sorted;
    let at = this.next;
    this.next = 0;
    if (at === waiting.length) {
      this.sorted = incoming;
      return;
    }
    // Usually every new item follows the waiting ones (events arrive in time order): then this only appends.
    const merged: PendingItem[] = [];
    let from = 0;
    while (at < waiting.length && from < incoming.length) merged.push(compareItems(incoming[from]!, waiting[at]!) < 0 ? incoming[from++]! : waiting[at++]!);
    while (at < waiting.length) merged.push(waiting[at++]!);
    while (from < incoming.length) merged.push(incoming[from++]!);
    this.sorted = merged;
  }
}
