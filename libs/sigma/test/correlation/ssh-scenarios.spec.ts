import { CorrelationInput } from '../../src/correlation';
import { engineFor, input, MINUTE, run, SECOND, T0 } from './correlation-fixtures';

/** The province's SSH detections, as the detection library would name them in `matched`. */
const DETECTIONS = [
  { id: 'f3b0c1d2-0000-4000-8000-000000000001', name: 'ssh_failed_login' },
  { id: 'f3b0c1d2-0000-4000-8000-000000000002', name: 'ssh_successful_login' },
];

const RULES = `
title: SSH brute force
id: 6d1c9a4e-1111-4a2b-9c3d-000000000001
name: ssh_brute_force
level: high
tags: [attack.credential_access, attack.t1110.001]
correlation:
  type: event_count
  rules: [ssh_failed_login]
  group-by: [source.ip]
  timespan: 60s
  condition: { gte: 5 }
---
title: SSH password spray
id: 6d1c9a4e-1111-4a2b-9c3d-000000000002
level: high
tags: [attack.credential_access, attack.t1110.003]
correlation:
  type: value_count
  rules: [ssh_failed_login]
  group-by: [source.ip]
  timespan: 10m
  condition: { field: user.name, gte: 5 }
---
title: SSH login succeeded after brute force
id: 6d1c9a4e-1111-4a2b-9c3d-000000000003
level: critical
tags: [attack.credential_access, attack.initial_access, attack.t1078]
correlation:
  type: temporal_ordered
  rules: [ssh_brute_force, ssh_successful_login]
  group-by: [source.ip]
  timespan: 10m
  generate: true
`;

const ssh = (id: string, at: number, outcome: 'failure' | 'success', ip: string, user: string): CorrelationInput =>
  input(id, T0 + at, [outcome === 'failure' ? 'ssh_failed_login' : 'ssh_successful_login'], { 'source.ip': ip, 'user.name': user, 'host.name': 'web01' });

/** An ordinary morning with three attacks in it. */
function morning(): CorrelationInput[] {
  const events: CorrelationInput[] = [];
  // A clerk mistypes twice, then logs in: nothing to alert on.
  events.push(ssh('clerk-1', 0, 'failure', '10.20.1.15', 'lan'), ssh('clerk-2', 8 * SECOND, 'failure', '10.20.1.15', 'lan'), ssh('clerk-3', 15 * SECOND, 'success', '10.20.1.15', 'lan'));
  // A monitoring probe fails once a minute for half an hour: steady, never five in a minute.
  for (let i = 0; i < 30; i += 1) events.push(ssh(`probe-${i}`, i * MINUTE + 30 * SECOND, 'failure', '10.0.0.99', 'nagios'));
  // Brute force on root from one address, eight tries in 20 s, then a success two minutes later.
  for (let i = 0; i < 8; i += 1) events.push(ssh(`bf-${i}`, 5 * MINUTE + i * 2500, 'failure', '203.0.113.5', 'root'));
  events.push(ssh('bf-win', 7 * MINUTE, 'success', '203.0.113.5', 'root'));
  // A spray: one try for each of six accounts over three minutes, too slow to be a brute force.
  ['admin', 'oracle', 'postgres', 'ubuntu', 'test', 'git'].forEach((user, i) => events.push(ssh(`spray-${user}`, 12 * MINUTE + i * 36 * SECOND, 'failure', '198.51.100.23', user)));
  return events;
}

describe('SSH scenarios', () => {
  const byTitle = () => {
    const matches = run(engineFor(RULES, DETECTIONS), [morning()]).final();
    return new Map(matches.map((m) => [m.title, m]));
  };

  it('raises exactly the three alerts of the morning, and none for the clerk or the probe', () => {
    const alerts = byTitle();
    expect([...alerts.keys()].sort()).toEqual(['SSH brute force', 'SSH login succeeded after brute force', 'SSH password spray']);
    for (const alert of alerts.values()) expect(['10.20.1.15', '10.0.0.99']).not.toContain(alert.groupBy['source.ip']);
  });

  it('brute force: every failed try from the address, one alert for the burst', () => {
    const alert = byTitle().get('SSH brute force')!;
    expect(alert).toMatchObject({ level: 'high', groupBy: { 'source.ip': '203.0.113.5' }, eventCount: 8, tags: ['attack.credential_access', 'attack.t1110.001'] });
    expect(alert.eventIds).toEqual(Array.from({ length: 8 }, (_, i) => `bf-${i}`));
  });

  it('password spray: the distinct accounts tried from one address', () => {
    const alert = byTitle().get('SSH password spray')!;
    expect(alert).toMatchObject({ groupBy: { 'source.ip': '198.51.100.23' }, valueCount: 6, eventCount: 6 });
  });

  it('success after failures: the brute force and the login that followed it', () => {
    const alert = byTitle().get('SSH login succeeded after brute force')!;
    expect(alert).toMatchObject({ level: 'critical', groupBy: { 'source.ip': '203.0.113.5' }, orderedRules: ['ssh_brute_force', 'ssh_successful_login'] });
    expect(alert.eventIds).toContain('bf-win');
    expect(alert.eventIds).toContain('bf-0');
    expect(alert.firstEventAt).toBe(T0 + 5 * MINUTE);
    expect(alert.lastEventAt).toBe(T0 + 7 * MINUTE);
  });

  it('no success-after alert when the login came before the brute force', () => {
    const events = morning().filter((e) => e.eventId !== 'bf-win');
    events.push(ssh('early-win', 4 * MINUTE, 'success', '203.0.113.5', 'root'));
    const titles = run(engineFor(RULES, DETECTIONS), [events]).final().map((m) => m.title);
    expect(titles).not.toContain('SSH login succeeded after brute force');
    expect(titles).toContain('SSH brute force');
  });
});
