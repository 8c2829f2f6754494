import { engineFor, input, MINUTE, run, SECOND, T0 } from './correlation-fixtures';

const DETECTIONS = [{ id: 'd-ssh-failed', name: 'ssh_failed_login' }, { id: 'd-other' }];

const rule = (condition: string, timespan = '60s', groupBy = '[source.ip]'): string => `
title: Many failed SSH logins
id: corr-count
level: high
tags: [attack.t1110.001]
correlation:
  type: event_count
  rules: [ssh_failed_login]
  group-by: ${groupBy}
  timespan: ${timespan}
  condition: ${condition}
`;

const failed = (id: string, at: number, ip = '203.0.113.5') => input(id, T0 + at, ['d-ssh-failed', 'ssh_failed_login'], { 'source.ip': ip });

describe('event_count', () => {
  it('matches gte N events of a group within the timespan, with the events and group values', () => {
    const log = run(engineFor(rule('{ gte: 5 }'), DETECTIONS), [[0, 10, 20, 30, 40].map((s, i) => failed(`e${i}`, s * SECOND))]);
    expect(log.final()).toEqual([
      {
        key: `corr-count|["203.0.113.5"]|${T0}`,
        ruleId: 'corr-count',
        title: 'Many failed SSH logins',
        level: 'high',
        tags: ['attack.t1110.001'],
        type: 'event_count',
        groupBy: { 'source.ip': '203.0.113.5' },
        firstEventAt: T0,
        lastEventAt: T0 + 40 * SECOND,
        eventCount: 5,
        eventIds: ['e0', 'e1', 'e2', 'e3', 'e4'],
        eventIdsOmitted: 0,
      },
    ]);
  });

  it('does not match one event short, nor events of other groups or other rules', () => {
    const events = [
      ...[0, 10, 20, 30].map((s, i) => failed(`a${i}`, s * SECOND)),
      failed('b0', 35 * SECOND, '198.51.100.7'),
      input('o0', T0 + 36 * SECOND, ['d-other'], { 'source.ip': '203.0.113.5' }),
    ];
    expect(run(engineFor(rule('{ gte: 5 }'), DETECTIONS), [events]).final()).toEqual([]);
  });

  it('counts an event once even when matched names its rule by id and by name', () => {
    const log = run(engineFor(rule('{ gte: 2 }'), DETECTIONS), [[failed('only', 0)]]);
    expect(log.final()).toEqual([]);
  });

  it('includes events exactly one timespan apart and excludes them one millisecond beyond', () => {
    const edge = (gap: number) => run(engineFor(rule('{ gte: 2 }'), DETECTIONS), [[failed('first', 0), failed('last', gap)]]).final();
    expect(edge(60 * SECOND)).toHaveLength(1);
    expect(edge(60 * SECOND + 1)).toEqual([]);
  });

  it('slides: a burst straddling any minute boundary still matches', () => {
    // 3 events at :50..:58 and 2 at +1:02..+1:08: no fixed minute holds 5, a sliding 60 s window does.
    const events = [50, 54, 58, 62, 68].map((s, i) => failed(`s${i}`, s * SECOND));
    const [match] = run(engineFor(rule('{ gte: 5 }'), DETECTIONS), [events]).final();
    expect(match?.eventIds).toEqual(['s0', 's1', 's2', 's3', 's4']);
    expect(match?.firstEventAt).toBe(T0 + 50 * SECOND);
  });

  it('gt is strict', () => {
    const events = [0, 1, 2].map((s, i) => failed(`g${i}`, s * SECOND));
    expect(run(engineFor(rule('{ gt: 3 }'), DETECTIONS), [events]).final()).toEqual([]);
    expect(run(engineFor(rule('{ gt: 2 }'), DETECTIONS), [events]).final()).toHaveLength(1);
  });

  it('extends an ongoing burst as updates of one match instead of new matches', () => {
    const engine = engineFor(rule('{ gte: 3 }'), DETECTIONS, { latenessMs: 0 });
    const outputs = [
      engine.process([0, 1, 2].map((s, i) => failed(`b${i}`, s * SECOND))),
      engine.process([failed('b3', 3 * SECOND)]), // moves the watermark past b2: the match is certain
      engine.process([failed('b4', 50 * SECOND), failed('b5', 100 * SECOND)]),
      engine.advance(T0 + 10 * MINUTE),
    ];
    const all = outputs.flatMap((output) => output.matches);
    expect(outputs.map((output) => output.matches.map((c) => c.change))).toEqual([[], ['created'], ['updated'], ['updated']]);
    expect(new Set(all.map((c) => c.match.key)).size).toBe(1);
    const last = all[all.length - 1]!.match;
    expect(last.eventCount).toBe(6);
    expect(last.firstEventAt).toBe(T0);
    expect(last.lastEventAt).toBe(T0 + 100 * SECOND);
  });

  it('starts a new match after the burst has been quiet for a timespan', () => {
    const events = [0, 1, 2, 200, 201, 202].map((s, i) => failed(`n${i}`, s * SECOND));
    const log = run(engineFor(rule('{ gte: 3 }'), DETECTIONS), [events]);
    expect(log.created().map((m) => m.firstEventAt)).toEqual([T0, T0 + 200 * SECOND]);
  });

  it('keeps the first and last 50 event ids of a huge burst and the exact count', () => {
    const events = Array.from({ length: 250 }, (_, i) => failed(`h${String(i).padStart(3, '0')}`, i * 100));
    const [match] = run(engineFor(rule('{ gte: 5 }'), DETECTIONS), [events]).final();
    expect(match?.eventCount).toBe(250);
    expect(match?.eventIds).toHaveLength(100);
    expect(match?.eventIds.slice(0, 2)).toEqual(['h000', 'h001']);
    expect(match?.eventIds.slice(-2)).toEqual(['h248', 'h249']);
    expect(match?.eventIds[50]).toBe('h200');
    expect(match?.eventIdsOmitted).toBe(150);
  });

  it('counts events without a group-by value instead of grouping them together', () => {
    const engine = engineFor(rule('{ gte: 2 }'), DETECTIONS);
    const log = run(engine, [[input('x1', T0, ['ssh_failed_login']), input('x2', T0 + 1, ['ssh_failed_login'])]]);
    expect(log.final()).toEqual([]);
    expect(engine.stats().rules[0]!.missingField).toBe(2);
  });

  it('groups by several fields and by nothing', () => {
    const twoFields = rule('{ gte: 2 }', '60s', '[source.ip, user.name]');
    const byUser = (user: string, id: string, at: number) => input(id, T0 + at, ['ssh_failed_login'], { 'source.ip': '1.1.1.1', 'user.name': user });
    const split = run(engineFor(twoFields, DETECTIONS), [[byUser('root', 'u1', 0), byUser('admin', 'u2', 1)]]).final();
    expect(split).toEqual([]);
    const together = run(engineFor(twoFields, DETECTIONS), [[byUser('root', 'u1', 0), byUser('root', 'u2', 1)]]).final();
    expect(together[0]?.groupBy).toEqual({ 'source.ip': '1.1.1.1', 'user.name': 'root' });

    const global = run(engineFor(rule('{ gte: 2 }', '60s', '[]'), DETECTIONS), [[failed('g1', 0, '1.1.1.1'), failed('g2', 1, '2.2.2.2')]]).final();
    expect(global[0]?.groupBy).toEqual({});
    expect(global[0]?.eventCount).toBe(2);
  });

  describe('conditions judged on the whole window (lt, lte, eq, ranges)', () => {
    const burst = (count: number, prefix = 'w') => Array.from({ length: count }, (_, i) => failed(`${prefix}${i}`, i * SECOND));

    it('eq matches exactly N events in the window that starts at the first one', () => {
      expect(run(engineFor(rule('{ eq: 3 }'), DETECTIONS), [burst(3)]).final()).toHaveLength(1);
      expect(run(engineFor(rule('{ eq: 3 }'), DETECTIONS), [burst(4)]).final()).toEqual([]);
      expect(run(engineFor(rule('{ eq: 3 }'), DETECTIONS), [burst(2)]).final()).toEqual([]);
    });

    it('lt matches a quiet window and not a busy one', () => {
      const [quiet] = run(engineFor(rule('{ lt: 3 }'), DETECTIONS), [burst(2)]).final();
      expect(quiet?.eventIds).toEqual(['w0', 'w1']);
      expect(run(engineFor(rule('{ lt: 3 }'), DETECTIONS), [burst(3)]).final()).toEqual([]);
    });

    it('a gte+lte range matches inside it only', () => {
      const range = rule('{ gte: 3, lte: 4 }');
      expect(run(engineFor(range, DETECTIONS), [burst(2)]).final()).toEqual([]);
      expect(run(engineFor(range, DETECTIONS), [burst(3)]).final()).toHaveLength(1);
      expect(run(engineFor(range, DETECTIONS), [burst(4)]).final()).toHaveLength(1);
      expect(run(engineFor(range, DETECTIONS), [burst(5)]).final()).toEqual([]);
    });

    it('is reported only once the watermark has passed the end of the window', () => {
      const engine = engineFor(rule('{ lte: 2 }'), DETECTIONS, { latenessMs: 0 });
      const during = engine.process([failed('q0', 0), failed('q1', 30 * SECOND)]);
      const stillOpen = engine.advance(T0 + 60 * SECOND); // the window [0, 60 s] is inclusive
      const closed = engine.advance(T0 + 60 * SECOND + 1);
      expect(during.matches).toEqual([]);
      expect(stillOpen.matches).toEqual([]);
      expect(closed.matches.map((c) => [c.change, c.match.eventIds])).toEqual([['created', ['q0', 'q1']]]);
    });

    it('an event exactly at the window end belongs to it; one millisecond later starts the next window', () => {
      const atEnd = run(engineFor(rule('{ eq: 2 }'), DETECTIONS), [[failed('a', 0), failed('b', 60 * SECOND)]]).final();
      expect(atEnd.map((m) => m.eventIds)).toEqual([['a', 'b']]);
      const beyond = run(engineFor(rule('{ eq: 2 }'), DETECTIONS), [[failed('a', 0), failed('b', 60 * SECOND + 1)]]).final();
      expect(beyond).toEqual([]);
    });
  });
});
