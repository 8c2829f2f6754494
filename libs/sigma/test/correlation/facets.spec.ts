import { CorrelationEngineSnapshot, CorrelationInput } from '../../src/correlation';
import { engineFor, run, SECOND, T0 } from './correlation-fixtures';

const DETECTIONS = [{ id: 'd-ssh-failed', name: 'ssh_failed_login' }];
const BRUTE_FORCE = `
title: Brute force
name: brute_force
id: corr-bf
correlation:
  type: event_count
  rules: [ssh_failed_login]
  group-by: [source.ip]
  timespan: 60s
  condition: { gte: 3 }
`;
const FACETS = { facets: ['user.name', 'host.name'], maxFacetValues: 3 };

/** A failed login from one address, with its user and host as the caller hands them over. */
const failed = (id: string, at: number, user: string | null, host: string | null = 'web01'): CorrelationInput => ({
  eventId: id,
  timestamp: T0 + at,
  matched: ['d-ssh-failed'],
  field: (name) => (name === 'source.ip' ? '203.0.113.9' : undefined),
  facets: [user, host],
});

describe('correlation facets', () => {
  it('lists the distinct values of every event behind a match, window events included, in first-seen order', () => {
    const users = ['root', 'admin', 'root', null, 'oracle', 'admin'];
    const log = run(engineFor(BRUTE_FORCE, DETECTIONS, FACETS), [users.map((user, i) => failed(`e${i}`, i * SECOND, user))]);
    expect(log.final().map((m) => m.facets)).toEqual([{ 'user.name': ['root', 'admin', 'oracle'], 'host.name': ['web01'] }]);
  });

  it('looks past the event-id sample: values of events whose ids were left out still count, up to the cap', () => {
    const users = Array.from({ length: 40 }, (_, i) => (i === 20 ? 'middle' : 'root'));
    const engine = engineFor(BRUTE_FORCE, DETECTIONS, { ...FACETS, maxEventIds: 4 });
    const [match] = run(engine, [users.map((user, i) => failed(`e${i}`, i * SECOND, user))]).final();
    expect(match!.eventIds).not.toContain('e20');
    expect(match!.facets!['user.name']).toEqual(['root', 'middle']);

    const many = Array.from({ length: 10 }, (_, i) => `user${i}`);
    const [capped] = run(engineFor(BRUTE_FORCE, DETECTIONS, FACETS), [many.map((user, i) => failed(`u${i}`, i * SECOND, user))]).final();
    expect(capped!.facets!['user.name']).toEqual(['user0', 'user1', 'user2']);
  });

  it('keeps the values through a checkpoint: a new engine that never saw the first events still names their users', () => {
    const before = engineFor(BRUTE_FORCE, DETECTIONS, FACETS);
    before.process([failed('a', 0, 'alice'), failed('b', SECOND, 'bob')]);
    before.advance(T0 + 2 * SECOND); // both into the window, no match yet
    const after = engineFor(BRUTE_FORCE, DETECTIONS, FACETS);
    after.restore(JSON.parse(JSON.stringify(before.snapshot())) as CorrelationEngineSnapshot);
    const [match] = run(after, [[failed('c', 3 * SECOND, 'carol', 'db01')]]).final();
    expect(match!.eventIds).toEqual(['a', 'b', 'c']);
    expect(match!.facets).toEqual({ 'user.name': ['alice', 'bob', 'carol'], 'host.name': ['web01', 'db01'] });
  });

  it('hands an upstream match values on to the correlation chained on it', () => {
    const chained = `${BRUTE_FORCE}
---
title: Brute force, then more of it
id: corr-chain
correlation:
  type: event_count
  rules: [brute_force]
  group-by: [source.ip]
  timespan: 10m
  condition: { gte: 1 }
`;
    const log = run(engineFor(chained, DETECTIONS, FACETS), [['root', 'admin', 'guest'].map((user, i) => failed(`e${i}`, i * SECOND, user))]);
    const downstream = log.final().find((m) => m.ruleId === 'corr-chain');
    expect(downstream!.facets).toEqual({ 'user.name': ['root', 'admin', 'guest'], 'host.name': ['web01'] });
  });

  it('reports no facets when none are configured', () => {
    const [match] = run(engineFor(BRUTE_FORCE, DETECTIONS), [[0, 1, 2].map((s) => failed(`e${s}`, s * SECOND, 'root'))]).final();
    expect(match).not.toHaveProperty('facets');
  });
});
