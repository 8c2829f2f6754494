import { engineFor, input, run, SECOND, T0 } from './correlation-fixtures';

const DETECTIONS = [{ id: 'd-failed', name: 'failed_login' }];

const rule = (condition: string, field = 'user.name'): string => `
title: Password spray
id: corr-spray
correlation:
  type: value_count
  rules: [failed_login]
  group-by: [source.ip]
  timespan: 5m
  condition: { field: ${field}, ${condition} }
`;

const attempt = (id: string, at: number, user: string, ip = '203.0.113.9', host = 'dc01') =>
  input(id, T0 + at, ['failed_login'], { 'source.ip': ip, 'user.name': user, 'host.name': host });

describe('value_count', () => {
  it('counts distinct values, not events', () => {
    const sameUser = Array.from({ length: 10 }, (_, i) => attempt(`r${i}`, i * SECOND, 'root'));
    expect(run(engineFor(rule('gte: 3'), DETECTIONS), [sameUser]).final()).toEqual([]);

    const threeUsers = [attempt('a', 0, 'root'), attempt('b', SECOND, 'root'), attempt('c', 2 * SECOND, 'admin'), attempt('d', 3 * SECOND, 'oracle')];
    const [match] = run(engineFor(rule('gte: 3'), DETECTIONS), [threeUsers]).final();
    expect(match).toMatchObject({ type: 'value_count', valueCount: 3, eventCount: 4, eventIds: ['a', 'b', 'c', 'd'], groupBy: { 'source.ip': '203.0.113.9' } });
  });

  it('forgets values that slid out of the window', () => {
    // Two users, then five minutes and one second later a third: never three distinct users in 5 minutes.
    const spread = [attempt('a', 0, 'u1'), attempt('b', SECOND, 'u2'), attempt('c', 301 * SECOND, 'u3')];
    expect(run(engineFor(rule('gte: 3'), DETECTIONS), [spread]).final()).toEqual([]);
    const inside = [attempt('a', 0, 'u1'), attempt('b', SECOND, 'u2'), attempt('c', 300 * SECOND, 'u3')];
    expect(run(engineFor(rule('gte: 3'), DETECTIONS), [inside]).final()).toHaveLength(1);
  });

  it('keeps counting distinct values over the whole burst in updates', () => {
    const users = Array.from({ length: 12 }, (_, i) => attempt(`s${i}`, i * 10 * SECOND, `user${i}`));
    const [match] = run(engineFor(rule('gte: 5'), DETECTIONS), [users]).final();
    expect(match?.valueCount).toBe(12);
    expect(match?.eventCount).toBe(12);
  });

  it('counts distinct tuples when several fields are given', () => {
    const tuples = [attempt('a', 0, 'root', undefined, 'h1'), attempt('b', 1, 'root', undefined, 'h2'), attempt('c', 2, 'root', undefined, 'h1')];
    const [match] = run(engineFor(rule('gte: 2', '[user.name, host.name]'), DETECTIONS), [tuples]).final();
    expect(match?.valueCount).toBe(2);
  });

  it('skips and counts events without the counted field', () => {
    const engine = engineFor(rule('gte: 2'), DETECTIONS);
    const log = run(engine, [[attempt('a', 0, 'root'), input('b', T0 + 1, ['failed_login'], { 'source.ip': '203.0.113.9' })]]);
    expect(log.final()).toEqual([]);
    expect(engine.stats().rules[0]!.missingField).toBe(1);
  });

  it('lt judges the distinct count of the whole window', () => {
    const few = [attempt('a', 0, 'u1'), attempt('b', 1, 'u1'), attempt('c', 2, 'u2')];
    expect(run(engineFor(rule('lt: 3'), DETECTIONS), [few]).final()[0]?.valueCount).toBe(2);
    expect(run(engineFor(rule('lt: 2'), DETECTIONS), [few]).final()).toEqual([]);
  });
});
