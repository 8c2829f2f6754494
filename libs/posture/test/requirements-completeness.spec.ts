import type { RequirementCatalogue } from '../src/requirements/catalogue';
import { TT12_2022_CATALOGUE } from '../src/requirements/catalogues';
import { completeness, implementationClass, isFullyImplemented } from '../src/requirements/completeness';
import type { RequirementStatus } from '../src/requirements/requirement-status';

const item = (id: string, minLevel: 1 | 2 | 3 | 4 | 5, maxLevel?: 1 | 2 | 3 | 4 | 5) => ({
  id,
  title: { vi: id, en: id },
  minLevel,
  ...(maxLevel === undefined ? {} : { maxLevel }),
  certainty: 'U' as const,
  source: 'test',
});

/** Management: a, b (from 1), c (from 3); technical: d (1–2 only), e (from 3); monitoring (from 4): f. */
const CATALOGUE: RequirementCatalogue = {
  id: 'test',
  version: 't1',
  name: 'test',
  instruments: [],
  basis: 'test',
  groups: [
    { id: 'm', name: 'Quản lý (management)', kind: 'management', items: [item('m.a', 1), item('m.b', 1), item('m.c', 3)] },
    { id: 't', name: 'Kỹ thuật (technical)', kind: 'technical', items: [item('t.d', 1, 2), item('t.e', 3)] },
    { id: 'x', name: 'Giám sát (monitoring)', kind: 'technical', minLevel: 4, items: [item('x.f', 4)] },
  ],
};
const statuses = (entries: Record<string, RequirementStatus>) => new Map(Object.entries(entries));

describe('requirement completeness', () => {
  it('counts per group and overall, with partial as half and unassessed items as not met', () => {
    const result = completeness(CATALOGUE, 3, statuses({ 'm.a': 'met', 'm.b': 'partial', 't.e': 'not_applicable' }));
    expect(result).toMatchObject({ catalogueId: 'test', catalogueVersion: 't1', level: 3, applicable: 4, met: 1, partial: 1, notMet: 0, notAssessed: 1, notApplicable: 1 });
    // (1 + 0.5) / (4 − 1) = 50 %
    expect(result.percent).toBe(50);
    expect(result.groups).toEqual([
      { groupId: 'm', name: 'Quản lý (management)', kind: 'management', applicable: 3, met: 1, partial: 1, notMet: 0, notAssessed: 1, notApplicable: 0, percent: 50 },
      { groupId: 't', name: 'Kỹ thuật (technical)', kind: 'technical', applicable: 1, met: 0, partial: 0, notMet: 0, notAssessed: 0, notApplicable: 1, percent: null },
    ]);
    expect(result.implementation).toBe('partial');
    expect(result.fullyImplemented).toBe(false);
  });

  it('rounds the percentage to one decimal', () => {
    // (1 + 0.5 + 0) / 3 = 50 %; (2 + 0) / 3 = 66.7 %
    expect(completeness(CATALOGUE, 3, statuses({ 'm.a': 'met', 'm.b': 'met', 'm.c': 'not_met' })).groups[0]!.percent).toBe(66.7);
  });

  it('judges only the items of the level: statuses recorded for items of another level are ignored', () => {
    const result = completeness(CATALOGUE, 2, statuses({ 'm.a': 'met', 'm.b': 'met', 't.d': 'met', 'm.c': 'not_met', 'x.f': 'not_met' }));
    expect(result).toMatchObject({ applicable: 3, met: 3, notMet: 0, percent: 100, fullyImplemented: true, implementation: 'full' });
    expect(result.groups.map((g) => g.groupId)).toEqual(['m', 't']);
    expect(completeness(CATALOGUE, 4, new Map()).groups.map((g) => g.groupId)).toEqual(['m', 't', 'x']);
  });

  it('is fully implemented when every applicable item is met or not applicable', () => {
    const result = completeness(CATALOGUE, 3, statuses({ 'm.a': 'met', 'm.b': 'not_applicable', 'm.c': 'met', 't.e': 'met' }));
    expect(result).toMatchObject({ percent: 100, fullyImplemented: true, implementation: 'full' });
  });

  it('is not implemented when nothing is met or partially met, including when nothing was assessed', () => {
    expect(completeness(CATALOGUE, 3, statuses({ 'm.a': 'not_met' }))).toMatchObject({ percent: 0, notMet: 1, notAssessed: 3, implementation: 'none', fullyImplemented: false });
    expect(completeness(CATALOGUE, 3, new Map())).toMatchObject({ percent: 0, implementation: 'none' });
  });

  it('has no percentage when every applicable item is not applicable, and counts that as not implemented', () => {
    const result = completeness(CATALOGUE, 1, statuses({ 'm.a': 'not_applicable', 'm.b': 'not_applicable', 't.d': 'not_applicable' }));
    expect(result).toMatchObject({ applicable: 3, notApplicable: 3, percent: null, fullyImplemented: false, implementation: 'none' });
  });

  it('classifies any tally: full, partial, none', () => {
    const tally = { applicable: 4, met: 0, partial: 0, notMet: 0, notAssessed: 0, notApplicable: 0, percent: 0 };
    expect(implementationClass({ ...tally, met: 4 })).toBe('full');
    expect(implementationClass({ ...tally, met: 3, notAssessed: 1 })).toBe('partial');
    expect(implementationClass({ ...tally, partial: 1, notMet: 3 })).toBe('partial');
    expect(implementationClass({ ...tally, notMet: 4 })).toBe('none');
    expect(isFullyImplemented({ ...tally, met: 3, notApplicable: 1 })).toBe(true);
  });

  it('counts the whole TT 12 catalogue at level 3: 22 management + 21 technical items', () => {
    const result = completeness(TT12_2022_CATALOGUE, 3, statuses({ 'tt12.ops.security-monitoring': 'met' }));
    expect(result).toMatchObject({ applicable: 43, met: 1, notAssessed: 42, percent: 2.3, implementation: 'partial' });
    expect(result.groups).toHaveLength(11);
  });
});
