import { LiteralIndex } from '@soc/sigma';

function prng(seed: number): () => number {
  let state = seed;
  return () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

describe('LiteralIndex', () => {
  it('finds every literal a text contains, overlapping and nested ones included', () => {
    const index = new LiteralIndex<string>();
    for (const literal of ['he', 'she', 'his', 'hers', 'é€']) index.add(literal, literal);
    index.build();
    const found = new Set<string>();
    index.search('ushers é€', (value) => found.add(value));
    expect([...found].sort()).toEqual(['he', 'hers', 'she', 'é€']);
    expect(index.occursIn('xhix')).toBe(false);
    expect(index.occursIn('xhisx')).toBe(true);
  });

  it.each([60, 3])('agrees with includes() on random texts, with %i random literals', (count) => {
    const random = prng(count);
    const alphabet = 'abc\\-é';
    const word = (max: number) => Array.from({ length: 1 + Math.floor(random() * max) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const literals = Array.from({ length: count }, () => word(4));
    const index = new LiteralIndex<number>();
    literals.forEach((literal, i) => index.add(literal, i));
    index.build();
    for (let n = 0; n < 500; n++) {
      const text = word(30);
      const found = new Set<number>();
      index.search(text, (i) => found.add(i));
      const expected = literals.map((literal, i) => (text.includes(literal) ? i : -1)).filter((i) => i >= 0);
      expect([...found].sort((a, b) => a - b)).toEqual(expected);
      expect(index.occursIn(text)).toBe(expected.length > 0);
    }
  });
});
