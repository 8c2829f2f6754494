import { compileDocuments, loadSigmaText } from '@soc/sigma';
import { reasonsFor, ruleYaml, TEST_MAPPINGS } from './sigma-test-kit';

describe('unsupported features are reasons, never ignored', () => {
  it('names an unsupported modifier', () => {
    expect(reasonsFor({ selection: { 'Image|hour': 3 }, condition: 'selection' })).toEqual([{ code: 'unsupported-modifier', message: "unsupported modifier 'hour'" }]);
    expect(reasonsFor({ selection: { 'Image|x': 'a' }, condition: 'selection' })).toEqual([{ code: 'unsupported-modifier', message: "unsupported modifier 'x'" }]);
  });

  it('rejects modifier combinations without a meaning', () => {
    expect(reasonsFor({ selection: { 'Image|contains|endswith': 'a' }, condition: 'selection' })[0]?.code).toBe('invalid-modifiers');
    expect(reasonsFor({ selection: { 'Image|re|contains': 'a' }, condition: 'selection' })[0]?.code).toBe('invalid-modifiers');
    expect(reasonsFor({ selection: { 'Image|i': 'a' }, condition: 'selection' })[0]).toEqual({ code: 'invalid-modifiers', message: "modifier 'i' applies only after 're'" });
    expect(reasonsFor({ selection: { 'Image|base64|cidr': 'a' }, condition: 'selection' })[0]?.code).toBe('invalid-modifiers');
  });

  it('rejects values a modifier cannot use', () => {
    expect(reasonsFor({ selection: { 'Size|gt': 'big' }, condition: 'selection' })).toEqual([{ code: 'invalid-value', message: "'gt' needs a number, not 'big'" }]);
    expect(reasonsFor({ selection: { 'Ip|cidr': '10.0.0.0/33' }, condition: 'selection' })).toEqual([{ code: 'invalid-value', message: "invalid CIDR '10.0.0.0/33'" }]);
    expect(reasonsFor({ selection: { 'Cmd|base64': 'a*b' }, condition: 'selection' })).toEqual([{ code: 'invalid-value', message: "'base64' of a value with wildcards ('a*b')" }]);
    expect(reasonsFor({ selection: { 'Cmd|re': '(unclosed' }, condition: 'selection' })[0]?.code).toBe('invalid-regex');
    expect(reasonsFor({ selection: { 'Cmd|re': '(?x)a b' }, condition: 'selection' })).toEqual([{ code: 'invalid-regex', message: "unsupported regular expression flag '(?x)'" }]);
    expect(reasonsFor({ selection: { 'Flag|exists': 'maybe' }, condition: 'selection' })[0]?.code).toBe('invalid-value');
    expect(reasonsFor({ selection: { Cmd: [] }, condition: 'selection' })[0]?.code).toBe('invalid-value');
  });

  it('reports condition syntax errors', () => {
    expect(reasonsFor({ selection: { A: 1 }, condition: 'selection and (' })).toEqual([{ code: 'condition-syntax', message: 'condition syntax error at 15: unexpected end of condition' }]);
  });

  it('collects every reason of a rule, not only the first', () => {
    const reasons = reasonsFor({ one: { 'A|nope': 1 }, two: { 'B|expand': '%Unknown%' }, condition: 'one or two or' });
    expect(reasons.map((r) => r.code)).toEqual(['unsupported-modifier', 'unknown-placeholder', 'condition-syntax']);
  });

  it('compileDocuments keeps the failures with their rules and the rest compiled', () => {
    const good = ruleYaml({ selection: { A: 1 }, condition: 'selection' });
    const bad = ruleYaml({ selection: { 'A|nope': 1 }, condition: 'selection' }, { product: 'test' }, { id: 'bad-rule', title: 'bad' });
    const { documents } = loadSigmaText(`${good}---\n${bad}`);
    const result = compileDocuments(documents, { mappings: TEST_MAPPINGS });
    expect(result.rules.map((r) => r.id)).toEqual(['test-rule']);
    expect(result.failures.map((f) => [f.rule.id, f.reasons.map((r) => r.message)])).toEqual([['bad-rule', ["unsupported modifier 'nope'"]]]);
  });
});
