import { ALL_AGENCIES, agenciesScope, inScope, scopeCondition } from '@soc/shared';

describe('inScope', () => {
  it('shows province-wide callers every record, including those of no agency', () => {
    expect(inScope(ALL_AGENCIES, 'agency-a')).toBe(true);
    expect(inScope(ALL_AGENCIES, null)).toBe(true);
    expect(inScope(ALL_AGENCIES, undefined)).toBe(true);
  });

  it('shows an agency-scoped caller only its own agencies', () => {
    const scope = agenciesScope(['agency-a', 'agency-b']);
    expect(inScope(scope, 'agency-a')).toBe(true);
    expect(inScope(scope, 'agency-b')).toBe(true);
    expect(inScope(scope, 'agency-c')).toBe(false);
    expect(inScope(scope, null)).toBe(false);
    expect(inScope(scope, undefined)).toBe(false);
  });

  it('shows an empty agency scope nothing', () => {
    expect(inScope(agenciesScope([]), 'agency-a')).toBe(false);
    expect(inScope(agenciesScope([]), null)).toBe(false);
  });
});

describe('scopeCondition', () => {
  it('adds no restriction and no parameter province-wide', () => {
    expect(scopeCondition(ALL_AGENCIES, 'agency_id', 3)).toEqual({ sql: 'TRUE', params: [] });
  });

  it('restricts the column to the agency list, numbering from firstParam', () => {
    expect(scopeCondition(agenciesScope(['agency-a', 'agency-b']), 'e.agency_id', 4)).toEqual({
      sql: 'e.agency_id = ANY($4::text[])',
      params: [['agency-a', 'agency-b']],
    });
    expect(scopeCondition(agenciesScope(['agency-a']), 'agency_id', 1)).toEqual({ sql: 'agency_id = ANY($1::text[])', params: [['agency-a']] });
  });

  it('keeps the parameter for an empty scope so it matches no row', () => {
    expect(scopeCondition(agenciesScope([]), 'agency_id', 2)).toEqual({ sql: 'agency_id = ANY($2::text[])', params: [[]] });
  });
});
