import { randomUuid } from '@soc/shared';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('randomUuid', () => {
  it('makes version-4 UUIDs, distinct over many pool refills, with every hex digit of the random positions in use', () => {
    const ids = Array.from({ length: 100_000 }, () => randomUuid());
    for (const id of ids.slice(0, 2000)) expect(id).toMatch(V4);
    expect(ids.every((id) => V4.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // Each random hex position takes all 16 values, near evenly (a stuck or biased nibble would show).
    const counts = Array.from({ length: 36 }, () => new Map<string, number>());
    for (const id of ids) [...id].forEach((c, i) => counts[i]!.set(c, (counts[i]!.get(c) ?? 0) + 1));
    for (const position of [0, 7, 9, 15, 20, 24, 35]) {
      expect(counts[position]!.size).toBe(16);
      for (const count of counts[position]!.values()) expect(Math.abs(count - ids.length / 16)).toBeLessThan(ids.length / 16 / 5);
    }
    // Position 19 holds the variant: 8, 9, a or b only.
    expect([...counts[19]!.keys()].sort()).toEqual(['8', '9', 'a', 'b']);
  });
});
