import { engineFor, input, MINUTE, run, SECOND, T0 } from './correlation-fixtures';

const DETECTIONS = [
  { id: 'd-a', name: 'recon_a' },
  { id: 'd-b', name: 'recon_b' },
  { id: 'd-c', name: 'recon_c' },
  { id: 'd-failed', name: 'failed_login' },
  { id: 'd-success', name: 'successful_login' },
  { id: 'd-error', name: 'internal_error' },
  { id: 'd-conn', name: 'new_network_connection' },
];

const on = (id: string, at: number, rule: string, fields: Record<string, string> = { 'host.name': 'ws1' }) => input(id, T0 + at, [rule], fields);

describe('temporal', () => {
  const recon = (condition = '') => `
title: Recon burst
name: recon_burst
correlation:
  type: temporal
  rules: [recon_a, recon_b, recon_c]
  group-by: [host.name]
  timespan: 5m
${condition}`;

  it('matches when every referenced rule fires in the timespan, in any order', () => {
    const [match] = run(engineFor(recon(), DETECTIONS), [[on('c', 0, 'recon_c'), on('a', MINUTE, 'recon_a'), on('b', 2 * MINUTE, 'recon_b')]]).final();
    expect(match).toMatchObject({ ruleId: 'recon_burst', type: 'temporal', eventIds: ['c', 'a', 'b'], orderedRules: ['recon_c', 'recon_a', 'recon_b'], groupBy: { 'host.name': 'ws1' } });
  });

  it('does not match with a rule missing, spread beyond the timespan, or split over groups', () => {
    const engine = () => engineFor(recon(), DETECTIONS);
    expect(run(engine(), [[on('a', 0, 'recon_a'), on('b', SECOND, 'recon_b'), on('a2', 2 * SECOND, 'recon_a')]]).final()).toEqual([]);
    expect(run(engine(), [[on('a', 0, 'recon_a'), on('b', SECOND, 'recon_b'), on('c', 5 * MINUTE + 1, 'recon_c')]]).final()).toEqual([]);
    expect(run(engine(), [[on('a', 0, 'recon_a'), on('b', SECOND, 'recon_b'), on('c', 2 * SECOND, 'recon_c', { 'host.name': 'ws2' })]]).final()).toEqual([]);
  });

  it('honours a condition on the number of distinct rules', () => {
    const twoOfThree = recon('  condition: { gte: 2 }');
    expect(run(engineFor(twoOfThree, DETECTIONS), [[on('a', 0, 'recon_a'), on('c', SECOND, 'recon_c')]]).final()).toHaveLength(1);
    expect(run(engineFor(twoOfThree, DETECTIONS), [[on('a', 0, 'recon_a'), on('a2', SECOND, 'recon_a')]]).final()).toEqual([]);
  });

  it('groups across different fields through aliases', () => {
    const aliased = `
title: Error then connection between the same hosts
name: error_connection
correlation:
  type: temporal
  rules: [internal_error, new_network_connection]
  group-by: [internal_ip, remote_ip]
  timespan: 10s
  aliases:
    internal_ip:
      internal_error: destination.ip
      new_network_connection: source.ip
    remote_ip:
      internal_error: source.ip
      new_network_connection: destination.ip
`;
    const error = on('err', 0, 'internal_error', { 'destination.ip': '10.0.0.5', 'source.ip': '198.51.100.1' });
    const connection = on('conn', 3 * SECOND, 'new_network_connection', { 'source.ip': '10.0.0.5', 'destination.ip': '198.51.100.1' });
    const [match] = run(engineFor(aliased, DETECTIONS), [[error, connection]]).final();
    expect(match?.groupBy).toEqual({ internal_ip: '10.0.0.5', remote_ip: '198.51.100.1' });
    expect(match?.eventIds).toEqual(['err', 'conn']);

    const unrelated = on('conn', 3 * SECOND, 'new_network_connection', { 'source.ip': '198.51.100.1', 'destination.ip': '10.0.0.5' });
    expect(run(engineFor(aliased, DETECTIONS), [[error, unrelated]]).final()).toEqual([]);
  });
});

describe('temporal_ordered', () => {
  const successAfterFailure = `
title: Success after failures
name: success_after_failure
level: high
correlation:
  type: temporal_ordered
  rules: [failed_login, successful_login]
  group-by: [user.name]
  timespan: 10m
`;
  const user = { 'user.name': 'alice' };

  it('matches the rules in the given order within the timespan', () => {
    const [match] = run(engineFor(successAfterFailure, DETECTIONS), [[on('f', 0, 'failed_login', user), on('s', 5 * MINUTE, 'successful_login', user)]]).final();
    expect(match).toMatchObject({ type: 'temporal_ordered', level: 'high', eventIds: ['f', 's'], orderedRules: ['failed_login', 'successful_login'] });
  });

  it('does not match the wrong order or a sequence longer than the timespan', () => {
    expect(run(engineFor(successAfterFailure, DETECTIONS), [[on('s', 0, 'successful_login', user), on('f', MINUTE, 'failed_login', user)]]).final()).toEqual([]);
    expect(run(engineFor(successAfterFailure, DETECTIONS), [[on('f', 0, 'failed_login', user), on('s', 10 * MINUTE + 1, 'successful_login', user)]]).final()).toEqual([]);
  });

  it('accepts the sequence exactly one timespan long', () => {
    expect(run(engineFor(successAfterFailure, DETECTIONS), [[on('f', 0, 'failed_login', user), on('s', 10 * MINUTE, 'successful_login', user)]]).final()).toHaveLength(1);
  });

  it('counts equal timestamps as in order, whichever event id sorts first', () => {
    // "z-fail" sorts after "a-ok": processing order alone would see the success first.
    const tie = [on('z-fail', 0, 'failed_login', user), on('a-ok', 0, 'successful_login', user)];
    expect(run(engineFor(successAfterFailure, DETECTIONS), [tie]).final()[0]?.eventIds).toEqual(['z-fail', 'a-ok']);
  });

  it('needs distinct events for distinct steps', () => {
    const both = input('both', T0, ['failed_login', 'successful_login'], user);
    expect(run(engineFor(successAfterFailure, DETECTIONS), [[both]]).final()).toEqual([]);
  });

  it('uses the latest start, so an old first step does not hide a fresh sequence', () => {
    const three = `
title: abc
name: abc
correlation:
  type: temporal_ordered
  rules: [recon_a, recon_b, recon_c]
  group-by: [host.name]
  timespan: 5m
`;
    // a0 b0 ... (too late for a0) a1 b1 c1: must match with a1 b1 c1.
    const events = [on('a0', 0, 'recon_a'), on('b0', MINUTE, 'recon_b'), on('a1', 4 * MINUTE, 'recon_a'), on('b1', 6 * MINUTE, 'recon_b'), on('c1', 8 * MINUTE, 'recon_c')];
    const [match] = run(engineFor(three, DETECTIONS), [events]).final();
    expect(match?.eventIds).toEqual(['a1', 'b1', 'c1']);
    expect(match?.firstEventAt).toBe(T0 + 4 * MINUTE);
  });
});
