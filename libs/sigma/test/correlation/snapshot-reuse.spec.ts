import { CorrelationEngineSnapshot, CorrelationInput } from '../../src/correlation';
import { engineFor, MINUTE, MIXED_DETECTIONS, MIXED_RULES, mixedStream, SECOND, T0 } from './correlation-fixtures';

type Step = { batch: CorrelationInput[]; advanceTo?: number };

/** The snapshot of an engine fed the same steps that never took one before: every group written afresh. */
function freshSnapshot(steps: readonly Step[], options: object): string {
  const engine = engineFor(MIXED_RULES, MIXED_DETECTIONS, options);
  for (const { batch, advanceTo } of steps) {
    engine.process(batch);
    if (advanceTo !== undefined) engine.advance(advanceTo);
  }
  return JSON.stringify(engine.snapshot());
}

describe('snapshots taken batch after batch', () => {
  // Unchanged groups' snapshots are reused between checkpoints: each must still be what a fresh one is,
  // and one taken earlier must not change as the engine goes on.
  it.each([
    ['with a lateness budget', { latenessMs: 30 * SECOND }],
    ['judged at once, with evictions', { latenessMs: 0, maxGroupsPerRule: 4 }],
  ])('equal fresh ones and stay as taken (%s)', (_name, options) => {
    for (const seed of [5, 23]) {
      const events = mixedStream(seed, 400);
      const engine = engineFor(MIXED_RULES, MIXED_DETECTIONS, options);
      const steps: Step[] = [];
      const taken: Array<{ snapshot: CorrelationEngineSnapshot; text: string }> = [];
      for (let start = 0; start < events.length; start += 13) {
        const step: Step = { batch: events.slice(start, start + 13), ...(start % 39 === 0 ? { advanceTo: events[start]!.timestamp + 2 * MINUTE } : {}) };
        steps.push(step);
        engine.process(step.batch);
        if (step.advanceTo !== undefined) engine.advance(step.advanceTo);
        const snapshot = engine.snapshot();
        const text = JSON.stringify(snapshot);
        expect(text).toBe(freshSnapshot(steps, options));
        taken.push({ snapshot, text });
      }
      engine.advance(T0 + 24 * 60 * MINUTE);
      for (const { snapshot, text } of taken) expect(JSON.stringify(snapshot)).toBe(text);
    }
  });
});
