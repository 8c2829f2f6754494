import { CorrelationInput } from '../../src/correlation';
import { engineFor, input, MINUTE, MIXED_DETECTIONS as DETECTIONS, MIXED_RULES as RULES, mixedStream as stream, prng, run, SECOND, T0 } from './correlation-fixtures';

const LATENESS = 30 * SECOND;

/** An arrival order within the budget: each event may be overtaken only by events less than LATENESS older. */
function shuffledWithinBudget(events: CorrelationInput[], random: () => number): CorrelationInput[] {
  return events
    .map((event) => ({ event, arrival: event.timestamp + Math.floor(random() * LATENESS) }))
    .sort((a, b) => a.arrival - b.arrival)
    .map(({ event }) => event);
}

function randomBatches(events: CorrelationInput[], random: () => number): CorrelationInput[][] {
  const batches: CorrelationInput[][] = [];
  for (let index = 0; index < events.length; ) {
    const size = 1 + Math.floor(random() * 40);
    batches.push(events.slice(index, index + size));
    index += size;
  }
  return batches;
}

describe('event time', () => {
  it('gives identical matches for any batching and any arrival order within the lateness budget', () => {
    for (let seed = 1; seed <= 25; seed += 1) {
      const events = stream(seed, 400);
      const reference = run(engineFor(RULES, DETECTIONS, { latenessMs: LATENESS }), [events]);
      const referenceFinal = reference.final();
      // The stream is rich enough that every rule matches: a comparison of empty sets proves nothing.
      expect(new Set(referenceFinal.map((m) => m.ruleId))).toEqual(new Set(['brute_force', 'spray', 'fail_and_success', 'success_after_failure', 'few_probes', 'brute_then_success']));

      for (let trial = 0; trial < 4; trial += 1) {
        const random = prng(seed * 1000 + trial);
        const engine = engineFor(RULES, DETECTIONS, { latenessMs: LATENESS });
        const log = run(engine, randomBatches(shuffledWithinBudget(events, random), random));
        expect(engine.stats().late).toBe(0);
        expect(log.final()).toEqual(referenceFinal);
        // Each match is created exactly once, whatever the batching.
        expect(log.created().map((m) => m.key).sort()).toEqual(reference.created().map((m) => m.key).sort());
      }
    }
  });

  it('reports nothing before the watermark passes the deciding event', () => {
    const engine = engineFor(RULES, DETECTIONS, { latenessMs: LATENESS });
    const burst = [0, 1, 2, 3].map((s) => input(`f${s}`, T0 + s * SECOND, ['failed_login'], { 'source.ip': '10.9.9.9', 'user.name': `u${s}` }));
    expect(engine.process(burst).matches).toEqual([]);
    expect(engine.stats().rules.find((r) => r.ruleId === 'brute_force')!.pending).toBe(4);
    // Event time moves past the last failure plus the budget: now the match is final and reported.
    const later = engine.process([input('noise', T0 + 3 * SECOND + LATENESS + 1, [])]);
    expect(later.matches.filter((c) => c.match.ruleId === 'brute_force').map((c) => c.change)).toEqual(['created']);
  });

  it('counts events older than the watermark as late, per rule, and leaves them out', () => {
    const engine = engineFor(RULES, DETECTIONS, { latenessMs: LATENESS });
    engine.process([input('now', T0 + 10 * MINUTE, [])]);
    const failures = [0, 1, 2, 3].map((s) => input(`old${s}`, T0 + s * SECOND, ['d-failed', 'failed_login'], { 'source.ip': '10.0.0.1', 'user.name': 'alice' }));
    const output = engine.process(failures);
    const finalOutput = engine.advance(T0 + 60 * MINUTE);
    expect([...output.matches, ...finalOutput.matches]).toEqual([]);
    // Four rules reference failed_login directly; each counts the four late events once.
    expect(output.health).toEqual(
      ['brute_force', 'spray', 'fail_and_success', 'success_after_failure'].map((ruleId) => ({ kind: 'late_events', ruleId, count: 4 })),
    );
    const stats = engine.stats();
    expect(stats.late).toBe(4);
    expect(stats.rules.find((r) => r.ruleId === 'brute_force')!.late).toBe(4);
    expect(stats.rules.find((r) => r.ruleId === 'few_probes')!.late).toBe(0);
  });

  it('an event exactly at the watermark is on time', () => {
    const engine = engineFor(RULES, DETECTIONS, { latenessMs: LATENESS });
    engine.process([input('now', T0 + LATENESS, [])]);
    engine.process([input('edge', T0, ['failed_login'], { 'source.ip': '10.0.0.1', 'user.name': 'a' })]);
    engine.process([input('tooLate', T0 - 1, ['failed_login'], { 'source.ip': '10.0.0.1', 'user.name': 'a' })]);
    expect(engine.stats().late).toBe(1);
  });

  it('skips and counts inputs without a usable timestamp instead of letting them move event time', () => {
    const engine = engineFor(RULES, DETECTIONS, { latenessMs: LATENESS });
    engine.process([input('nan', Number.NaN, ['failed_login'], { 'source.ip': '10.0.0.1', 'user.name': 'a' }), input('inf', Infinity, [])]);
    expect(engine.stats()).toMatchObject({ invalidTimestamps: 2, watermark: null, maxEventTime: null });
  });

  it('advance() without a hint flushes idle windows by the injected clock', () => {
    let now = T0;
    const engine = engineFor(RULES, DETECTIONS, { latenessMs: LATENESS, clock: () => now });
    const burst = [0, 1, 2, 3].map((s) => input(`f${s}`, T0 + s * SECOND, ['failed_login'], { 'source.ip': '10.9.9.9', 'user.name': 'x' }));
    expect(engine.process(burst).matches).toEqual([]);
    now = T0 + 3 * SECOND + LATENESS; // watermark = last failure: not yet past it
    expect(engine.advance().matches).toEqual([]);
    now += 1;
    expect(engine.advance().matches.map((c) => c.match.ruleId)).toEqual(['brute_force']);
  });

  it('forgets groups once their timespan and the lateness budget have passed', () => {
    const engine = engineFor(RULES, DETECTIONS, { latenessMs: LATENESS });
    const events = stream(7, 200);
    engine.process(events);
    expect(engine.stats().rules.some((r) => r.openGroups > 0 || r.pending > 0)).toBe(true);
    const lastEvent = events[events.length - 1]!.timestamp;
    engine.process([input('tick', lastEvent + 5 * MINUTE + 2 * LATENESS, [])]);
    expect(engine.stats().rules.map((r) => [r.ruleId, r.openGroups, r.pending])).toEqual(
      ['brute_force', 'spray', 'fail_and_success', 'success_after_failure', 'few_probes', 'brute_then_success'].map((id) => [id, 0, 0]),
    );
  });
});
