import { changedFields, cycleThrough, describeCycle } from '../src';

describe('cycleThrough', () => {
  // province ← department, province ← district ← commune
  const parents = new Map<string, string | null>([
    ['tinh', null],
    ['so-a', 'tinh'],
    ['huyen', 'tinh'],
    ['xa', 'huyen'],
  ]);

  it('accepts a parent elsewhere in the tree, or none', () => {
    expect(cycleThrough('xa', 'so-a', parents)).toBeUndefined();
    expect(cycleThrough('huyen', null, parents)).toBeUndefined();
  });

  it('names the chain when the new parent is the agency itself or below it', () => {
    expect(cycleThrough('tinh', 'xa', parents)).toEqual(['xa', 'huyen', 'tinh']);
    expect(cycleThrough('huyen', 'huyen', parents)).toEqual(['huyen']);
    expect(describeCycle('tinh', ['xa', 'huyen', 'tinh'])).toContain('parent chain tinh → xa → huyen → tinh');
  });

  it('stops on a cycle above that does not pass through the agency', () => {
    const broken = new Map<string, string | null>([
      ['a', 'b'],
      ['b', 'a'],
      ['c', null],
    ]);
    expect(cycleThrough('c', 'a', broken)).toBeUndefined();
  });
});

describe('changedFields', () => {
  it('compares objects by content, whatever the key order, and ignores fields not given', () => {
    const current = { name: 'Sở A', unit: { name: 'Phòng ATTT', contacts: [{ name: 'An', email: 'an@x.vn' }] }, kind: 'department' };
    expect(changedFields(current, { unit: { contacts: [{ email: 'an@x.vn', name: 'An' }], name: 'Phòng ATTT' }, kind: undefined })).toEqual([]);
    expect(changedFields(current, { name: 'Sở B', unit: { name: 'Phòng ATTT', contacts: [] } })).toEqual(['name', 'unit']);
  });
});
