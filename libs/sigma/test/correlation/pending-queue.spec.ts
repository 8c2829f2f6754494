import { compareItems, PendingItem } from '../../src/correlation/pending-item';
import { PendingQueue } from '../../src/correlation/pending-queue';
import { prng } from './correlation-fixtures';

/** The order as first written: time, then the ids as strings, then the rule. */
const plainOrder = (a: PendingItem, b: PendingItem): number => (a.ts !== b.ts ? a.ts - b.ts : a.id !== b.id ? (a.id < b.id ? -1 : 1) : a.ref - b.ref);
const sign = (n: number) => Math.sign(n);

describe('PendingQueue', () => {
  const random = prng(7);
  const ids = ['', 'a', 'b', 'ab', 'ba', '0f3c', '0f3d', 'f00', 'é', 'Z', '9b2e4c1a-0000-4000-8000-000000000001', '9b2e4c1a-0000-4000-8000-000000000002'];
  const item = (): PendingItem => ({ ts: Math.floor(random() * 5), id: ids[Math.floor(random() * ids.length)]!, ref: Math.floor(random() * 2), group: 'g' });

  it('compares items exactly as time, then id as a string, then rule (empty and non-ASCII ids included)', () => {
    for (let i = 0; i < 5000; i += 1) {
      const [a, b] = [item(), item()];
      expect([a, b, sign(compareItems(a, b))]).toEqual([a, b, sign(plainOrder(a, b))]);
    }
  });

  it('hands items out in order whatever order and batches they came in, and snapshots them in that order', () => {
    for (let round = 0; round < 50; round += 1) {
      const queue = new PendingQueue();
      const all: PendingItem[] = [];
      const taken: PendingItem[] = [];
      for (let batch = 0; batch < 4; batch += 1) {
        const added = Array.from({ length: Math.floor(random() * 30) }, () => ({ ...item(), ts: batch * 3 + Math.floor(random() * 5) }));
        for (const one of added) queue.push(one);
        all.push(...added);
        expect(queue.size).toBe(all.length - taken.length);
        expect(queue.items()).toEqual([...all.filter((one) => !taken.includes(one))].sort(plainOrder));
        // Take what is older than a watermark, as a flush does.
        const watermark = batch * 3 + 1;
        for (let top = queue.peek(); top !== undefined && top.ts < watermark; top = queue.peek()) taken.push(queue.pop()!);
      }
      while (queue.size > 0) taken.push(queue.pop()!);
      expect(taken).toEqual([...all].sort(plainOrder));
      expect(queue.peek()).toBeUndefined();
    }
  });

  it('reads back items in any order, as older snapshots kept them in heap order', () => {
    const items = Array.from({ length: 200 }, item);
    const queue = new PendingQueue(items);
    const out: PendingItem[] = [];
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) out.push(next);
    expect(out).toEqual([...items].sort(plainOrder));
  });
});
