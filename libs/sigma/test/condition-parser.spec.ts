import { ConditionNode, parseCondition, SigmaUnsupported } from '@soc/sigma';
import { detect, matches, reasonsFor } from './sigma-test-kit';

/** The tree in a compact prefix form: and(a,or(b,c)). */
function show(node: ConditionNode): string {
  switch (node.kind) {
    case 'search':
      return node.name;
    case 'not':
      return `not(${show(node.item)})`;
    case 'of':
      return `${node.quantifier}-of(${node.pattern})`;
    case 'and':
    case 'or':
      return `${node.kind}(${node.items.map(show).join(',')})`;
  }
}

const reasonOf = (condition: string) => {
  try {
    parseCondition(condition);
    return undefined;
  } catch (error) {
    return (error as SigmaUnsupported).reason;
  }
};

describe('condition parser', () => {
  it('binds not tighter than and, and tighter than or', () => {
    expect(show(parseCondition('a or b and c'))).toBe('or(a,and(b,c))');
    expect(show(parseCondition('a and b or c'))).toBe('or(and(a,b),c)');
    expect(show(parseCondition('not a and b'))).toBe('and(not(a),b)');
    expect(show(parseCondition('not a or not b and c'))).toBe('or(not(a),and(not(b),c))');
    expect(show(parseCondition('not not a'))).toBe('not(not(a))');
  });

  it('parentheses override precedence', () => {
    expect(show(parseCondition('(a or b) and c'))).toBe('and(or(a,b),c)');
    expect(show(parseCondition('not (a and b)'))).toBe('not(and(a,b))');
    expect(show(parseCondition('selection and ( sourceRDP or destinationRDP ) and not 1 of filter*'))).toBe(
      'and(selection,or(sourceRDP,destinationRDP),not(1-of(filter*)))',
    );
  });

  it('reads x of patterns and them, and keywords in any case', () => {
    expect(show(parseCondition('1 of selection_* AND NOT all of filter_*'))).toBe('and(1-of(selection_*),not(all-of(filter_*)))');
    expect(show(parseCondition('all of them'))).toBe('all-of(them)');
    expect(show(parseCondition('2 of sel*'))).toBe('2-of(sel*)');
    expect(show(parseCondition('selection_1\n    and not filter'))).toBe('and(selection_1,not(filter))');
  });

  it('reports syntax errors with their position', () => {
    expect(reasonOf('a and')).toEqual({ code: 'condition-syntax', message: 'condition syntax error at 5: unexpected end of condition' });
    expect(reasonOf('a b')).toEqual({ code: 'condition-syntax', message: "condition syntax error at 2: unexpected 'b'" });
    expect(reasonOf('(a or b')).toEqual({ code: 'condition-syntax', message: "condition syntax error at 7: missing ')'" });
    expect(reasonOf('a or )')).toEqual({ code: 'condition-syntax', message: "condition syntax error at 5: unexpected ')'" });
    expect(reasonOf('')?.code).toBe('condition-syntax');
    expect(reasonOf('1 of')?.code).toBe('condition-syntax');
  });

  it('reports Sigma 1 aggregations and near as unsupported', () => {
    expect(reasonOf('selection | count() by src_ip > 10')).toEqual({
      code: 'unsupported-condition',
      message: 'aggregation expressions (`| count() …`) are not supported; use a correlation rule',
    });
    expect(reasonOf('a near b')?.code).toBe('unsupported-condition');
  });
});

describe('conditions, evaluated', () => {
  const searches = { sel_a: { A: 'x' }, sel_b: { B: 'x' }, filter_c: { C: 'x' }, _private: { D: 'x' } };
  const rule = (condition: string) => detect({ ...searches, condition });
  const truth = (condition: string) =>
    [{}, { A: 'x' }, { B: 'x' }, { A: 'x', B: 'x' }, { A: 'x', C: 'x' }, { D: 'x' }].map((fields) => (matches(rule(condition), fields) ? 1 : 0)).join('');

  it('evaluates and/or/not with precedence', () => {
    expect(truth('sel_a or sel_b and filter_c')).toBe('010110');
    expect(truth('(sel_a or sel_b) and not filter_c')).toBe('011100');
    expect(truth('not sel_a and sel_b')).toBe('001000');
  });

  it('evaluates 1 of / all of over patterns and them (without _-prefixed identifiers)', () => {
    expect(truth('1 of sel_*')).toBe('011110');
    expect(truth('all of sel_*')).toBe('000100');
    expect(truth('1 of them')).toBe('011110');
    expect(truth('all of them')).toBe('000000');
    expect(truth('1 of _*')).toBe('000001');
  });

  it('several conditions are ORed', () => {
    expect(truth('sel_a')).toBe('010110');
    const either = detect({ ...searches, condition: ['sel_b', '_private'] });
    expect([{ B: 'x' }, { D: 'x' }, { A: 'x' }].map((f) => matches(either, f))).toEqual([true, true, false]);
  });

  it('reports unknown identifiers and patterns that name nothing', () => {
    expect(reasonsFor({ ...searches, condition: 'sel_a and missing' })).toEqual([
      { code: 'unknown-search-identifier', message: "condition refers to unknown search identifier 'missing'" },
    ]);
    expect(reasonsFor({ ...searches, condition: '1 of nothing_*' })).toEqual([
      { code: 'unknown-search-identifier', message: "condition pattern 'nothing_*' matches no search identifier" },
    ]);
  });
});
