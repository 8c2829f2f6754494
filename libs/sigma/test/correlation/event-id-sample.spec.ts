import { EventIdSample } from '../../src/correlation/event-id-sample';

/** What the sample must hold after `ids`: all of them up to the cap, else the first ⌈cap/2⌉ and the last ⌊cap/2⌋. */
function expected(cap: number, ids: readonly string[]): string[] {
  if (ids.length <= cap) return [...ids];
  const head = Math.ceil(cap / 2);
  return [...ids.slice(0, head), ...ids.slice(ids.length - (cap - head))];
}

describe('EventIdSample', () => {
  const ids = Array.from({ length: 40 }, (_, i) => `e${i}`);

  it('keeps every id up to the cap, then the first and the last halves in order, and the exact count', () => {
    for (let cap = 0; cap <= 9; cap += 1) {
      for (let n = 0; n <= ids.length; n += 1) {
        const sample = new EventIdSample(cap);
        ids.slice(0, n).forEach((id) => sample.add(id));
        expect([cap, n, sample.list(), sample.count]).toEqual([cap, n, expected(cap, ids.slice(0, n)), n]);
        expect([...sample.head, ...sample.tail()]).toEqual(sample.list());
      }
    }
  });

  it('continues from its head and tail as a snapshot keeps them, wherever the ring stood', () => {
    for (let cut = 0; cut <= ids.length; cut += 1) {
      const before = new EventIdSample(7);
      ids.slice(0, cut).forEach((id) => before.add(id));
      const after = new EventIdSample(7, [...before.head], before.tail(), before.count);
      ids.slice(cut).forEach((id) => after.add(id));
      expect([cut, after.list(), after.count]).toEqual([cut, expected(7, ids), ids.length]);
    }
  });

  it('keeps the newest ids of a tail saved under a larger cap', () => {
    const sample = new EventIdSample(4, ['a', 'b'], ['c', 'd', 'e', 'f'], 10);
    expect(sample.list()).toEqual(['a', 'b', 'e', 'f']);
    sample.add('g');
    expect(sample.list()).toEqual(['a', 'b', 'f', 'g']);
    expect(sample.count).toBe(11);
  });
});
