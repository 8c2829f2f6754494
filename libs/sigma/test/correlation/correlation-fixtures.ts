import {
  CorrelationEngine,
  CorrelationEngineOptions,
  CorrelationInput,
  CorrelationMatch,
  CorrelationMatchChange,
  CorrelationRule,
  DetectionRuleRef,
  compileCorrelations,
  loadCorrelationText,
} from '../../src/correlation';

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
/** An arbitrary epoch-ms origin, so tests read as offsets from it. */
export const T0 = Date.UTC(2025, 0, 6, 8, 0, 0);

/** Loads YAML that must contain only valid correlation documents. */
export function correlations(yaml: string): CorrelationRule[] {
  const loaded = loadCorrelationText(yaml);
  expect(loaded.issues).toEqual([]);
  return loaded.rules;
}

export function engineFor(yaml: string, detectionRules: DetectionRuleRef[], options: Partial<CorrelationEngineOptions> = {}): CorrelationEngine {
  const engine = compileCorrelations(correlations(yaml), detectionRules, options);
  expect(engine.rejected).toEqual([]);
  return engine;
}

export function input(eventId: string, at: number, matched: string[], fields: Record<string, string | number> = {}): CorrelationInput {
  return { eventId, timestamp: at, matched, field: (name) => fields[name] };
}

/** Every change reported, plus the latest state of each match by key. */
export class MatchLog {
  readonly changes: CorrelationMatchChange[] = [];
  readonly latest = new Map<string, CorrelationMatch>();
  readonly health: unknown[] = [];

  record(output: { matches: CorrelationMatchChange[]; health: unknown[] }): this {
    for (const change of output.matches) {
      this.changes.push(change);
      this.latest.set(change.match.key, change.match);
    }
    this.health.push(...output.health);
    return this;
  }

  created(): CorrelationMatch[] {
    return this.changes.filter((c) => c.change === 'created').map((c) => c.match);
  }

  /** Final matches sorted by key: the thing that must not depend on batching or arrival order. */
  final(): CorrelationMatch[] {
    return [...this.latest.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

/** Feeds batches, then moves the watermark past everything, and returns the log. */
export function run(engine: CorrelationEngine, batches: CorrelationInput[][], endAt = T0 + 365 * 24 * 60 * MINUTE): MatchLog {
  const log = new MatchLog();
  for (const batch of batches) log.record(engine.process(batch));
  log.record(engine.advance(endAt));
  return log;
}

/** A deterministic PRNG (mulberry32), so a failing seed can be replayed. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const MIXED_DETECTIONS = [
  { id: 'd-failed', name: 'failed_login' },
  { id: 'd-success', name: 'successful_login' },
  { id: 'd-scan', name: 'port_probe' },
];

/** One of every kind: sliding count, distinct values, unordered and ordered sequences, a whole-window range, a chain. */
export const MIXED_RULES = `
title: brute force
name: brute_force
correlation: { type: event_count, rules: [failed_login], group-by: [source.ip], timespan: 60s, condition: { gte: 4 } }
---
title: spray
name: spray
correlation: { type: value_count, rules: [failed_login], group-by: [source.ip], timespan: 2m, condition: { field: user.name, gte: 3 } }
---
title: fail and success
name: fail_and_success
correlation: { type: temporal, rules: [failed_login, successful_login], group-by: [user.name], timespan: 90s }
---
title: success after failure
name: success_after_failure
correlation: { type: temporal_ordered, rules: [failed_login, successful_login], group-by: [user.name], timespan: 2m }
---
title: few probes
name: few_probes
correlation: { type: event_count, rules: [port_probe], group-by: [source.ip], timespan: 60s, condition: { gte: 2, lte: 3 } }
---
title: brute force then success
name: brute_then_success
correlation: { type: temporal_ordered, rules: [brute_force, successful_login], group-by: [source.ip], timespan: 5m, generate: true }
`;

/** A random but reproducible stream: a few hosts and users, attacks mixed with noise. */
export function mixedStream(seed: number, count: number): CorrelationInput[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const ips = ['10.0.0.1', '10.0.0.2', '10.0.0.3'];
  const users = ['alice', 'bob', 'carol', 'dave'];
  const kinds = [['failed_login'], ['failed_login'], ['successful_login'], ['port_probe'], []];
  let at = T0;
  return Array.from({ length: count }, (_, index) => {
    at += Math.floor(random() * 8 * SECOND);
    return input(`ev-${seed}-${index}`, at, pick(kinds), { 'source.ip': pick(ips), 'user.name': pick(users) });
  });
}
