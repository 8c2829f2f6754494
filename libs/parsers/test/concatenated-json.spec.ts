import { splitConcatenatedJson } from '@soc/parsers';

describe('splitConcatenatedJson', () => {
  it('finds each top-level object, whatever braces and escaped quotes its strings hold', () => {
    const text = '{"a":"}{"}\n{"b":{"c":"say \\"}\\""}} junk {"d":1}';
    expect(splitConcatenatedJson(text).map((o) => JSON.parse(o) as unknown)).toEqual([{ a: '}{' }, { b: { c: 'say "}"' } }, { d: 1 }]);
  });

  it('ignores a stray closing brace and an unfinished object', () => {
    expect(splitConcatenatedJson('} {"a":1} {"b":')).toEqual(['{"a":1}']);
  });
});
