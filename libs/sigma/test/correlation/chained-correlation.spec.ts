import { engineFor, input, MINUTE, run, SECOND, T0 } from './correlation-fixtures';

const DETECTIONS = [
  { id: '53ba33fd-3a50-4468-a5ef-c583635cfa92', name: 'failed_login' },
  { id: '4d0a2c83-c62c-4ed4-b475-c7e23a9269b8', name: 'successful_login' },
];

/** The specification's own chain: many failed logins of a user, then a successful login of that user. */
const CHAIN = `
title: Correlation - Multiple Failed Logins Followed by Successful Login
id: b180ead8-d58f-40b2-ae54-c8940995b9b6
status: experimental
author: Florian Roth (Nextron Systems)
level: high
correlation:
  type: temporal_ordered
  rules: [multiple_failed_login, successful_login]
  group-by: [User]
  timespan: 10m
---
title: Multiple failed logons
id: a8418a5a-5fc4-46b5-b23b-6c73beb19d41
name: multiple_failed_login
correlation:
  type: event_count
  rules: [failed_login]
  group-by: [User]
  timespan: 10m
  condition:
    gte: 10
`;

const event = (id: string, at: number, rule: string, user = 'alice') => input(id, T0 + at, [rule], { User: user });
const failures = (count: number, user = 'alice') => Array.from({ length: count }, (_, i) => event(`${user}-f${i}`, i * SECOND, 'failed_login', user));

describe('chained correlations', () => {
  it('feeds an inner correlation match into the outer one, with the events behind it', () => {
    const log = run(engineFor(CHAIN, DETECTIONS), [[...failures(10), event('ok', 2 * MINUTE, 'successful_login')]]);
    const matches = log.final();
    // The inner rule is referenced with generate: false, so only the outer rule alerts.
    expect(matches.map((m) => m.ruleId)).toEqual(['b180ead8-d58f-40b2-ae54-c8940995b9b6']);
    expect(matches[0]).toMatchObject({
      level: 'high',
      author: 'Florian Roth (Nextron Systems)',
      groupBy: { User: 'alice' },
      orderedRules: ['multiple_failed_login', 'successful_login'],
      eventCount: 11,
      firstEventAt: T0, // the first failure behind the inner match
      lastEventAt: T0 + 2 * MINUTE,
    });
    expect(matches[0]!.eventIds).toEqual([...failures(10).map((e) => e.eventId), 'ok']);
  });

  it('does not match when the inner correlation does not hold, or the success came first', () => {
    expect(run(engineFor(CHAIN, DETECTIONS), [[...failures(9), event('ok', 2 * MINUTE, 'successful_login')]]).final()).toEqual([]);
    expect(run(engineFor(CHAIN, DETECTIONS), [[event('ok', 0, 'successful_login'), ...failures(10).map((e) => ({ ...e, timestamp: e.timestamp + SECOND }))]]).final()).toEqual([]);
  });

  it('keeps groups apart through the chain', () => {
    const mixed = [...failures(10, 'alice'), event('ok-bob', 2 * MINUTE, 'successful_login', 'bob')];
    expect(run(engineFor(CHAIN, DETECTIONS), [mixed]).final()).toEqual([]);
  });

  it('reports the inner correlation too when the outer one says generate: true', () => {
    const loud = CHAIN.replace('  group-by: [User]\n  timespan: 10m\n---', '  group-by: [User]\n  timespan: 10m\n  generate: true\n---');
    const log = run(engineFor(loud, DETECTIONS), [[...failures(10), event('ok', 2 * MINUTE, 'successful_login')]]);
    expect(log.final().map((m) => m.ruleName ?? m.ruleId).sort()).toEqual(['b180ead8-d58f-40b2-ae54-c8940995b9b6', 'multiple_failed_login']);
  });

  it('counts one inner burst as one input, however long it lasts', () => {
    const counting = `
title: repeated brute force
name: repeated
correlation: { type: event_count, rules: [multiple_failed_login], group-by: [User], timespan: 1h, condition: { gte: 2 } }
---
${CHAIN.split('---')[1]}`;
    const oneLongBurst = Array.from({ length: 40 }, (_, i) => event(`f${i}`, i * 5 * SECOND, 'failed_login'));
    expect(run(engineFor(counting, DETECTIONS), [oneLongBurst]).final()).toEqual([]);
    const twoBursts = [...failures(10), ...failures(10).map((e) => ({ ...e, eventId: `${e.eventId}-2`, timestamp: e.timestamp + 20 * MINUTE }))];
    const [match] = run(engineFor(counting, DETECTIONS), [twoBursts]).final();
    expect(match?.eventCount).toBe(20);
  });
});
