import { compileCorrelations, CorrelationReasonCode } from '../../src/correlation';
import { correlations } from './correlation-fixtures';

const DETECTIONS = [
  { id: 'd-failed', name: 'failed_login' },
  { id: 'd-success', name: 'successful_login' },
  { id: 'd-other' },
];

function rejectionCodes(yaml: string): Record<string, CorrelationReasonCode> {
  const engine = compileCorrelations(correlations(yaml), DETECTIONS);
  return Object.fromEntries(engine.rejected.map((r) => [r.ruleId, r.reason.code]));
}

const eventCount = (name: string, rules: string, extra = ''): string =>
  `title: ${name}\nname: ${name}\n${extra}correlation:\n  type: event_count\n  rules: ${rules}\n  group-by: [user.name]\n  timespan: 1m\n  condition: { gte: 2 }\n`;

describe('correlation compiler', () => {
  it('resolves references by detection id or name and orders chains upstream first', () => {
    const engine = compileCorrelations(
      correlations(`${eventCount('outer', '[inner, d-success]')}---\n${eventCount('inner', '[failed_login]')}`),
      DETECTIONS,
    );
    expect(engine.rejected).toEqual([]);
    expect(engine.correlations.map((c) => c.ruleId)).toEqual(['inner', 'outer']);
    expect(engine.correlations[1]!.refs.map((r) => [r.kind, r.target])).toEqual([
      ['correlation', 'inner'],
      ['detection', 'd-success'],
    ]);
    expect(engine.correlations[0]!.refs[0]!.matchKeys).toEqual(['d-failed', 'failed_login']);
  });

  it('rejects unknown, ambiguous, duplicate and cyclic references with typed reasons', () => {
    expect(rejectionCodes(eventCount('a', '[nobody]'))).toEqual({ a: 'unknown-rule-reference' });
    expect(rejectionCodes(`${eventCount('failed_login', '[d-other]')}---\n${eventCount('b', '[failed_login]')}`)).toEqual({ b: 'ambiguous-rule-reference' });
    expect(rejectionCodes(`${eventCount('a', '[d-other]')}---\n${eventCount('a', '[d-other]')}`)).toEqual({ a: 'duplicate-rule' });
    expect(rejectionCodes(`${eventCount('a', '[b]')}---\n${eventCount('b', '[a]')}---\n${eventCount('c', '[a]')}`)).toEqual({
      a: 'reference-cycle',
      b: 'reference-cycle',
      c: 'depends-on-rejected-rule',
    });
    expect(rejectionCodes(eventCount('self', '[self]'))).toEqual({ self: 'reference-cycle' });
  });

  it('rejects aliases that name an unreferenced rule or leave a referenced rule without a field', () => {
    const temporal = (aliases: string): string =>
      `title: t\nname: t\ncorrelation:\n  type: temporal\n  rules: [failed_login, successful_login]\n  group-by: [ip]\n  timespan: 1m\n  aliases:\n${aliases}`;
    expect(rejectionCodes(temporal('    ip: { failed_login: source.ip, nobody: x }\n'))).toEqual({ t: 'invalid-aliases' });
    expect(rejectionCodes(temporal('    ip: { failed_login: source.ip }\n'))).toEqual({ t: 'invalid-aliases' });
    const engine = compileCorrelations(correlations(temporal('    ip: { failed_login: source.ip, d-success: client.ip }\n')), DETECTIONS);
    expect(engine.correlations[0]!.refs.map((r) => r.groupFields)).toEqual([['source.ip'], ['client.ip']]);
  });

  it('rejects a consumer whose upstream correlation was rejected for its aliases', () => {
    const badAliases = `title: up\nname: up\ncorrelation:\n  type: event_count\n  rules: [failed_login]\n  group-by: [ip]\n  timespan: 1m\n  condition: { gte: 2 }\n  aliases:\n    ip: { nobody: x }\n`;
    expect(rejectionCodes(`${badAliases}---\n${eventCount('down', '[up]')}`)).toEqual({ up: 'invalid-aliases', down: 'depends-on-rejected-rule' });
  });

  it('follows generate: rules referenced only with generate false feed their correlation and do not alert alone', () => {
    const quiet = compileCorrelations(correlations(`${eventCount('outer', '[inner]')}---\n${eventCount('inner', '[failed_login]')}`), DETECTIONS);
    expect(quiet.correlations.map((c) => [c.ruleId, c.emits])).toEqual([
      ['inner', false],
      ['outer', true],
    ]);
    expect(quiet.correlationOnlyDetectionRules).toEqual(['d-failed']);

    const loud = compileCorrelations(correlations(`${eventCount('outer', '[inner]', '')}---\n${eventCount('inner', '[failed_login]')}`.replace('  type: event_count\n  rules: [inner]', '  type: event_count\n  generate: true\n  rules: [inner]')), DETECTIONS);
    expect(loud.correlations.find((c) => c.ruleId === 'inner')!.emits).toBe(true);
  });

  it('chooses sliding evaluation for lower bounds only and anchored windows otherwise', () => {
    const modes = (condition: string): string =>
      compileCorrelations(correlations(eventCount('a', '[d-other]').replace('{ gte: 2 }', condition)), DETECTIONS).correlations[0]!.mode;
    expect(modes('{ gte: 2 }')).toBe('sliding');
    expect(modes('{ gt: 2 }')).toBe('sliding');
    expect(modes('{ lt: 2 }')).toBe('anchored');
    expect(modes('{ eq: 2 }')).toBe('anchored');
    expect(modes('{ gte: 2, lte: 4 }')).toBe('anchored');
  });
});
