import { engineFor, input, MatchLog, SECOND, T0 } from './correlation-fixtures';

const RULE = `
title: brute force
id: bf
correlation: { type: event_count, rules: [failed_login], group-by: [source.ip], timespan: 60s, condition: { gte: 2 } }
`;
const DETECTIONS = [{ id: 'failed_login' }];
const failed = (id: string, at: number, ip: string) => input(id, T0 + at, ['failed_login'], { 'source.ip': ip });

describe('bounded state', () => {
  it('evicts the least recently active group at the cap and says so with a health event', () => {
    const engine = engineFor(RULE, DETECTIONS, { latenessMs: 0, maxGroupsPerRule: 3 });
    const log = new MatchLog();
    log.record(engine.process([failed('a1', 0, 'A'), failed('b1', 1, 'B'), failed('c1', 2, 'C')]));
    log.record(engine.process([failed('d1', 3, 'D'), failed('tick', 4, 'D')]));
    expect(log.health).toEqual([{ kind: 'state_cap', ruleId: 'bf', dropped: 1 }]);
    expect(engine.stats().rules[0]).toMatchObject({ evicted: 1, openGroups: 3 });

    // A's first attempt went with its group, so its second does not make a pair; B kept its own and does.
    // A's return needs room again: C, now the least recently active, goes.
    log.record(engine.process([failed('b2', 5 * SECOND, 'B'), failed('a2', 6 * SECOND, 'A')]));
    log.record(engine.advance(T0 + 10 * 60 * SECOND));
    expect(log.final().map((m) => [m.groupBy['source.ip'], m.eventIds])).toEqual([
      ['B', ['b1', 'b2']],
      ['D', ['d1', 'tick']],
    ]);
    expect(log.health).toEqual([
      { kind: 'state_cap', ruleId: 'bf', dropped: 1 },
      { kind: 'state_cap', ruleId: 'bf', dropped: 1 },
    ]);
  });

  it('stays under the cap however many groups pass through', () => {
    const engine = engineFor(RULE, DETECTIONS, { latenessMs: 0, maxGroupsPerRule: 50 });
    let dropped = 0;
    for (let batch = 0; batch < 20; batch += 1) {
      const events = Array.from({ length: 100 }, (_, i) => failed(`e${batch}-${i}`, batch * 100 + i, `10.${batch}.0.${i}`));
      for (const event of engine.process(events).health) if (event.kind === 'state_cap') dropped += event.dropped;
      expect(engine.stats().rules[0]!.openGroups).toBeLessThanOrEqual(50);
    }
    expect(dropped).toBe(engine.stats().rules[0]!.evicted);
    expect(dropped).toBeGreaterThan(1_900);
  });
});
