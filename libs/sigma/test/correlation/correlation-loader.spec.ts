import { loadCorrelationText, parseCorrelationDocument } from '../../src/correlation';

const BRUTE_FORCE = `
title: SSH brute force
id: 7a3e1c55-0b5f-4f0e-9d5a-1f2b3c4d5e6f
name: ssh_brute_force
status: test
author: SOC team
level: high
tags: [attack.credential_access, attack.t1110.001]
correlation:
  type: event_count
  rules: [ssh_failed_login]
  group-by: [source.ip]
  timespan: 60s
  condition:
    gte: 5
`;

function reasonOf(yaml: string): string | undefined {
  const loaded = loadCorrelationText(yaml);
  return loaded.issues[0]?.reason.code;
}

describe('correlation loader', () => {
  it('loads an event_count rule with its metadata and timespan in ms', () => {
    const { rules, issues } = loadCorrelationText(BRUTE_FORCE, 'rules/ssh.yml');
    expect(issues).toEqual([]);
    expect(rules).toEqual([
      {
        title: 'SSH brute force',
        id: '7a3e1c55-0b5f-4f0e-9d5a-1f2b3c4d5e6f',
        name: 'ssh_brute_force',
        status: 'test',
        author: 'SOC team',
        level: 'high',
        tags: ['attack.credential_access', 'attack.t1110.001'],
        type: 'event_count',
        rules: ['ssh_failed_login'],
        groupBy: ['source.ip'],
        timespanMs: 60_000,
        timespan: '60s',
        condition: { gte: 5 },
        aliases: {},
        generate: false,
      },
    ]);
  });

  it.each([
    ['30s', 30_000],
    ['5m', 300_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
  ])('reads timespan %s as %d ms', (timespan, ms) => {
    const { rules } = loadCorrelationText(BRUTE_FORCE.replace('timespan: 60s', `timespan: ${timespan}`));
    expect(rules[0]?.timespanMs).toBe(ms);
  });

  it('reads value_count fields and range conditions', () => {
    const { rules, issues } = loadCorrelationText(`
title: spray
name: spray
correlation:
  type: value_count
  rules: failed_login
  group-by: source.ip
  timespan: 5m
  condition: { field: user.name, gt: 10, lte: 200 }
`);
    expect(issues).toEqual([]);
    expect(rules[0]).toMatchObject({ rules: ['failed_login'], groupBy: ['source.ip'], valueFields: ['user.name'], condition: { gt: 10, lte: 200 } });
  });

  it('gives temporal types the default condition: every referenced rule', () => {
    const { rules } = loadCorrelationText(`
title: recon
name: recon
correlation:
  type: temporal
  rules: [a, b, c]
  group-by: [host.name]
  timespan: 5m
`);
    expect(rules[0]?.condition).toEqual({ gte: 3 });
  });

  it('reads aliases and generate', () => {
    const { rules } = loadCorrelationText(`
title: t
name: t
correlation:
  type: temporal
  rules: [internal_error, new_network_connection]
  group-by: [internal_ip]
  timespan: 10s
  generate: true
  aliases:
    internal_ip:
      internal_error: destination.ip
      new_network_connection: source.ip
`);
    expect(rules[0]?.aliases).toEqual({ internal_ip: { internal_error: 'destination.ip', new_network_connection: 'source.ip' } });
    expect(rules[0]?.generate).toBe(true);
  });

  it('takes correlations out of a multi-document file and reports where the other documents are', () => {
    const loaded = loadCorrelationText(`${BRUTE_FORCE}---
title: Failed SSH login
name: ssh_failed_login
logsource: { product: linux, service: sshd }
detection: { selection: { event.outcome: failure }, condition: selection }
---
`);
    expect(loaded.rules.map((r) => r.name)).toEqual(['ssh_brute_force']);
    expect(loaded.otherDocuments).toEqual([1]);
    expect(loaded.issues).toEqual([]);
  });

  const base = (correlation: string, top = 'title: x\nname: x\n'): string => `${top}correlation:\n${correlation}`;
  it.each([
    ['yaml-syntax', 'title: [unclosed\ncorrelation: {'],
    ['invalid-document', 'name: x\ncorrelation: { type: event_count, rules: [a], timespan: 1m, condition: { gte: 1 } }'],
    ['missing-identity', base('  type: event_count\n  rules: [a]\n  timespan: 1m\n  condition: { gte: 1 }', 'title: x\n')],
    ['unsupported-type', base('  type: value_sum\n  rules: [a]\n  timespan: 1m\n  condition: { gte: 1 }')],
    ['invalid-document', base('  type: event_count\n  rules: []\n  timespan: 1m\n  condition: { gte: 1 }')],
    ['invalid-field', base('  type: event_count\n  rules: [a, a]\n  timespan: 1m\n  condition: { gte: 1 }')],
    ['invalid-field', base('  type: event_count\n  rules: [a]\n  timespan: 1m\n  ordered: true\n  condition: { gte: 1 }')],
    ['invalid-timespan', base('  type: event_count\n  rules: [a]\n  timespan: 1w\n  condition: { gte: 1 }')],
    ['invalid-timespan', base('  type: event_count\n  rules: [a]\n  timespan: 0s\n  condition: { gte: 1 }')],
    ['invalid-timespan', base('  type: event_count\n  rules: [a]\n  timespan: 5M\n  condition: { gte: 1 }')],
    ['invalid-condition', base('  type: event_count\n  rules: [a]\n  timespan: 1m')],
    ['invalid-condition', base('  type: event_count\n  rules: [a]\n  timespan: 1m\n  condition: { gt: 5, lt: 3 }')],
    ['invalid-condition', base('  type: event_count\n  rules: [a]\n  timespan: 1m\n  condition: { eq: 5, lt: 9 }')],
    ['invalid-condition', base('  type: event_count\n  rules: [a]\n  timespan: 1m\n  condition: { gte: 2.5 }')],
    ['invalid-condition', base('  type: event_count\n  rules: [a]\n  timespan: 1m\n  condition: { gte: 5, field: user }')],
    ['invalid-condition', base('  type: value_count\n  rules: [a]\n  timespan: 1m\n  condition: { gte: 5 }')],
    ['invalid-condition', base('  type: temporal\n  rules: [a, b]\n  timespan: 1m\n  condition: { gte: 3 }')],
    ['unsupported-condition', base('  type: event_count\n  rules: [a]\n  timespan: 1m\n  condition: { neq: 5 }')],
    ['unsupported-condition', base('  type: temporal_ordered\n  rules: [a, b]\n  timespan: 1m\n  condition: a and b')],
    ['unsupported-condition', base('  type: temporal_ordered\n  rules: [a, b, c]\n  timespan: 1m\n  condition: { gte: 2 }')],
    ['invalid-aliases', base('  type: temporal\n  rules: [a, b]\n  timespan: 1m\n  aliases: { ip: [source.ip] }')],
    ['invalid-field', 'title: x\nname: x\nlevel: severe\ncorrelation: { type: event_count, rules: [a], timespan: 1m, condition: { gte: 1 } }'],
    ['invalid-field', base('  type: event_count\n  rules: [a]\n  timespan: 1m\n  generate: yes please\n  condition: { gte: 1 }')],
  ])('reports %s for an invalid or unsupported document (%#)', (code, yaml) => {
    expect(reasonOf(yaml)).toBe(code);
  });

  it('never throws, whatever the document', () => {
    for (const doc of [null, 42, 'text', [], { title: 'x', correlation: 'no' }, { title: 'x', name: 'x', correlation: { type: 1 } }]) {
      const result = parseCorrelationDocument(doc);
      expect(result.ok).toBe(false);
    }
    expect(() => loadCorrelationText('\u0000\u0001: [')).not.toThrow();
  });

  it('names the document that failed', () => {
    const loaded = loadCorrelationText(`${BRUTE_FORCE}---\ntitle: bad\nid: b-1\ncorrelation: { type: event_count, rules: [a], timespan: soon, condition: { gte: 1 } }`, 'f.yml');
    expect(loaded.rules).toHaveLength(1);
    expect(loaded.issues).toEqual([{ origin: 'f.yml', index: 1, id: 'b-1', title: 'bad', reason: { code: 'invalid-timespan', message: expect.stringContaining('soon') } }]);
  });
});
