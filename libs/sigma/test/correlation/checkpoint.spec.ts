import { CorrelationEngineSnapshot } from '../../src/correlation';
import { engineFor, input, MatchLog, MINUTE, MIXED_DETECTIONS, MIXED_RULES, mixedStream, run, SECOND, T0 } from './correlation-fixtures';

const OPTIONS = { latenessMs: 30 * SECOND };
const END = T0 + 24 * 60 * MINUTE;

describe('checkpoint and restart', () => {
  it('continues open windows after snapshot → JSON → restore into a new engine, as if never stopped', () => {
    for (const seed of [3, 11, 19]) {
      const events = mixedStream(seed, 300);
      const uninterrupted = run(engineFor(MIXED_RULES, MIXED_DETECTIONS, OPTIONS), [events.slice(0, 100), events.slice(100)]).final();

      for (const cut of [37, 150, 251]) {
        const log = new MatchLog();
        const before = engineFor(MIXED_RULES, MIXED_DETECTIONS, OPTIONS);
        log.record(before.process(events.slice(0, cut)));
        const snapshot = before.snapshot();
        // Mid-window: there is state that only the checkpoint carries over.
        expect(Object.values(snapshot.rules).some((rule) => rule.groups.length > 0 && rule.pending.length > 0)).toBe(true);

        const after = engineFor(MIXED_RULES, MIXED_DETECTIONS, OPTIONS);
        const restored = after.restore(JSON.parse(JSON.stringify(snapshot)) as CorrelationEngineSnapshot);
        expect(restored.discarded).toEqual([]);
        expect(restored.restored).toHaveLength(6);
        log.record(after.process(events.slice(cut)));
        log.record(after.advance(END));
        expect(log.final()).toEqual(uninterrupted);
      }
    }
  });

  it('keeps a burst that spans the restart as one match', () => {
    const rule = `
title: brute force
id: bf
correlation: { type: event_count, rules: [failed_login], group-by: [source.ip], timespan: 60s, condition: { gte: 5 } }
`;
    const detections = [{ id: 'failed_login' }];
    const failed = (id: string, s: number) => input(id, T0 + s * SECOND, ['failed_login'], { 'source.ip': '203.0.113.5' });
    const before = engineFor(rule, detections, { latenessMs: 0 });
    const first = before.process([0, 5, 10].map((s, i) => failed(`a${i}`, s)));
    expect(first.matches).toEqual([]);

    const after = engineFor(rule, detections, { latenessMs: 0 });
    after.restore(JSON.parse(JSON.stringify(before.snapshot())) as CorrelationEngineSnapshot);
    const log = new MatchLog().record(after.process([15, 20, 25].map((s, i) => failed(`b${i}`, s)))).record(after.advance(END));
    expect(log.created()).toHaveLength(1);
    expect(log.final()[0]).toMatchObject({ eventCount: 6, eventIds: ['a0', 'a1', 'a2', 'b0', 'b1', 'b2'], firstEventAt: T0 });
  });

  it('restores the watermark, so events late before the restart are late after it', () => {
    const before = engineFor(MIXED_RULES, MIXED_DETECTIONS, OPTIONS);
    before.process([input('now', T0 + 10 * MINUTE, [])]);
    const after = engineFor(MIXED_RULES, MIXED_DETECTIONS, OPTIONS);
    after.restore(JSON.parse(JSON.stringify(before.snapshot())) as CorrelationEngineSnapshot);
    after.process([input('old', T0, ['failed_login'], { 'source.ip': '10.0.0.1', 'user.name': 'a' })]);
    expect(after.stats().late).toBe(1);
    expect(after.stats().watermark).toBe(T0 + 10 * MINUTE - OPTIONS.latenessMs);
  });

  it('does not reuse the state of a rule whose meaning changed', () => {
    const before = engineFor(MIXED_RULES, MIXED_DETECTIONS, OPTIONS);
    before.process(mixedStream(5, 50));
    const changed = engineFor(MIXED_RULES.replace('timespan: 60s, condition: { gte: 4 }', 'timespan: 90s, condition: { gte: 4 }'), MIXED_DETECTIONS, OPTIONS);
    const result = changed.restore(JSON.parse(JSON.stringify(before.snapshot())) as CorrelationEngineSnapshot);
    expect(result.discarded).toEqual(['brute_force']);
    expect(result.restored).not.toContain('brute_force');
    expect(changed.stats().rules.find((r) => r.ruleId === 'brute_force')!.pending).toBe(0);
  });

  it('leaves the snapshot untouched, so the same checkpoint can be restored twice', () => {
    const events = mixedStream(23, 240);
    const before = engineFor(MIXED_RULES, MIXED_DETECTIONS, OPTIONS);
    before.process(events.slice(0, 120));
    const snapshot = before.snapshot();
    const frozen = JSON.stringify(snapshot);
    const finals = [1, 2].map(() => {
      const engine = engineFor(MIXED_RULES, MIXED_DETECTIONS, OPTIONS);
      engine.restore(snapshot);
      return run(engine, [events.slice(120)], END).final();
    });
    expect(JSON.stringify(snapshot)).toBe(frozen);
    expect(finals[1]).toEqual(finals[0]);
    expect(finals[0]!.length).toBeGreaterThan(0);
  });

  it('restores a large backlog of pending events', () => {
    const rule = `
title: busy
id: busy
correlation: { type: event_count, rules: [failed_login], group-by: [source.ip], timespan: 60s, condition: { gte: 100000 } }
`;
    const backlog = Array.from({ length: 150_000 }, (_, i) => input(`e${i}`, T0 + Math.floor(i / 10), ['failed_login'], { 'source.ip': '203.0.113.5' }));
    const before = engineFor(rule, [{ id: 'failed_login' }], { latenessMs: 60 * SECOND });
    before.process(backlog);
    const after = engineFor(rule, [{ id: 'failed_login' }], { latenessMs: 60 * SECOND });
    after.restore(JSON.parse(JSON.stringify(before.snapshot())) as CorrelationEngineSnapshot);
    expect(after.stats().rules[0]!.pending).toBe(150_000);
    const [match] = run(after, []).final();
    expect(match?.eventCount).toBe(150_000);
  });

  it('refuses a snapshot of another format version', () => {
    const engine = engineFor(MIXED_RULES, MIXED_DETECTIONS, OPTIONS);
    expect(() => engine.restore({ ...engine.snapshot(), version: 2 } as unknown as CorrelationEngineSnapshot)).toThrow(/version 2/);
  });
});
