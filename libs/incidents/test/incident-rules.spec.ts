import { DEFAULT_PRIORITY_MATRIX, loadConfig } from '@soc/shared';
import { assessSeriousness, groupingKeys, observablesOf, planTransition, priorityFor, type WorkflowPosition } from '../src/pure';

describe('priority matrix', () => {
  it('ranks the same severity higher on a more important system', () => {
    expect(priorityFor(DEFAULT_PRIORITY_MATRIX, 'high', 4)).toBe('P1');
    expect(priorityFor(DEFAULT_PRIORITY_MATRIX, 'high', 1)).toBe('P3');
    expect(priorityFor(DEFAULT_PRIORITY_MATRIX, 'high', null)).toBe('P2');
    expect(priorityFor(DEFAULT_PRIORITY_MATRIX, 'low', 5)).toBe('P3');
    expect(priorityFor(DEFAULT_PRIORITY_MATRIX, 'weird', 3)).toBe(priorityFor(DEFAULT_PRIORITY_MATRIX, 'medium', 3));
  });

  it('is configuration: SOC_PRIORITY_MATRIX changes cells and keeps the rest; bad values are refused by name', () => {
    const { incidents } = loadConfig({ SOC_PRIORITY_MATRIX: '{"high":{"1":"P1"}}' });
    expect(priorityFor(incidents.priorityMatrix, 'high', 1)).toBe('P1');
    expect(priorityFor(incidents.priorityMatrix, 'high', 2)).toBe('P2');
    expect(() => loadConfig({ SOC_PRIORITY_MATRIX: '{"high":{"1":"P9"}}' })).toThrow(/SOC_PRIORITY_MATRIX/);
    expect(() => loadConfig({ SOC_PRIORITY_MATRIX: 'not json' })).toThrow(/not valid JSON/);
    expect(loadConfig({ SOC_SLA_TARGETS: '{"P1":{"acknowledgeMinutes":5}}' }).incidents.sla.P1).toEqual({ acknowledgeMinutes: 5, resolveMinutes: 240 });
    expect(loadConfig({ SOC_INCIDENT_GROUPING: 'attacker+rule, host' }).incidents.grouping).toEqual([['attacker', 'rule'], ['host']]);
    expect(() => loadConfig({ SOC_INCIDENT_GROUPING: 'attacker+colour' })).toThrow(/SOC_INCIDENT_GROUPING/);
  });
});

describe('grouping keys', () => {
  const alert = { agencyId: 'so-a', ruleId: 'soc.ssh.brute_force', tags: ['attack.credential_access', 'attack.t1110.001'], sourceIp: '203.0.113.9', systemIds: ['his', 'mail'] };

  it('makes one key per value combination, always within the agency', () => {
    expect(groupingKeys(alert, [['attacker'], ['system', 'rule_family']])).toEqual([
      'so-a|attacker=203.0.113.9',
      'so-a|system=his+rule_family=t1110',
      'so-a|system=mail+rule_family=t1110',
    ]);
  });

  it('skips a combination the alert has no value for, and falls back to the rule id for the family', () => {
    expect(groupingKeys({ agencyId: null, ruleId: 'r1', tags: [] }, [['attacker'], ['rule_family']])).toEqual(['-|rule_family=r1']);
  });
});

describe('workflow', () => {
  const at = new Date('2026-11-30T10:00:00Z');
  const fresh: WorkflowPosition = { state: 'new', resolution: null, acknowledgedAt: null, resolvedAt: null };

  it('stamps the acknowledgement on the first move out of new, and the resolution when resolving', () => {
    const ack = planTransition(fresh, { to: 'investigating' }, at);
    expect(ack).toMatchObject({ ok: true, plan: { state: 'investigating', acknowledgedAt: at, resolvedAt: null } });
    const later = new Date(at.getTime() + 60_000);
    const resolved = planTransition({ state: 'investigating', resolution: null, acknowledgedAt: at, resolvedAt: null }, { to: 'resolved', resolution: 'true_positive' }, later);
    expect(resolved).toMatchObject({ ok: true, plan: { state: 'resolved', resolution: 'true_positive', acknowledgedAt: at, resolvedAt: later } });
  });

  it('refuses moves the state machine does not allow, resolving without a resolution, and a resolution on an open state', () => {
    expect(planTransition(fresh, { to: 'contained' }, at)).toMatchObject({ ok: false, reason: expect.stringContaining('cannot go from new to contained') });
    expect(planTransition(fresh, { to: 'closed' }, at)).toMatchObject({ ok: false, reason: expect.stringContaining('needs a resolution') });
    expect(planTransition(fresh, { to: 'acknowledged', resolution: 'benign' }, at)).toMatchObject({ ok: false });
    expect(planTransition({ ...fresh, state: 'closed', resolution: 'benign' }, { to: 'contained' }, at)).toMatchObject({ ok: false });
  });

  it('reopens a closed incident to investigating, clearing the resolution', () => {
    const closed: WorkflowPosition = { state: 'closed', resolution: 'false_positive', acknowledgedAt: at, resolvedAt: at };
    expect(planTransition(closed, { to: 'investigating' }, at)).toMatchObject({ ok: true, plan: { resolution: null, resolvedAt: null, closedAt: null, reopened: true } });
  });
});

describe('serious incident (QĐ 05/2017)', () => {
  it('needs both an important system and a grave effect', () => {
    expect(assessSeriousness({ securityLevel: 4, nationallyImportant: false, effects: ['service_outage'] }).serious).toBe(true);
    expect(assessSeriousness({ securityLevel: 2, nationallyImportant: true, effects: ['loss_of_control'] }).serious).toBe(true);
    expect(assessSeriousness({ securityLevel: 5, nationallyImportant: false, effects: [] }).serious).toBe(false);
    expect(assessSeriousness({ securityLevel: 3, nationallyImportant: false, effects: ['secret_data_leak'] })).toMatchObject({ serious: false, reason: expect.stringContaining('cấp độ 3') });
  });
});

describe('observables', () => {
  it('collects IPs, users, hosts and indicators once each, normalised', () => {
    const found = observablesOf({
      sourceIp: '203.0.113.9',
      userNames: ['Admin', 'admin'],
      hostNames: ['HIS-WEB01'],
      indicator: { type: 'domain', value: 'Evil.example' },
      groupBy: { 'source.ip': '203.0.113.9', 'destination.domain': 'c2.example' },
    });
    expect(found).toEqual([
      { type: 'ip', value: '203.0.113.9' },
      { type: 'user', value: 'admin' },
      { type: 'host', value: 'his-web01' },
      { type: 'domain', value: 'evil.example' },
      { type: 'domain', value: 'c2.example' },
    ]);
  });
});

describe('observable tallies', () => {
  it('merges the same observable from several lists into one, summing sightings and widening the times', () => {
    const { mergeTallies } = jest.requireActual<typeof import('../src/incident-observables')>('../src/incident-observables');
    const ip = { type: 'ip' as const, value: '203.0.113.9' };
    expect(
      mergeTallies(
        [{ ...ip, firstSeen: '2026-11-30T01:00:00.000Z', lastSeen: '2026-11-30T01:05:00.000Z', sightings: 1 }],
        [{ ...ip, firstSeen: '2026-11-30T00:55:00.000Z', lastSeen: '2026-11-30T01:10:00.000Z', sightings: 0 }],
      ),
    ).toEqual([{ ...ip, firstSeen: '2026-11-30T00:55:00.000Z', lastSeen: '2026-11-30T01:10:00.000Z', sightings: 1 }]);
  });
});
