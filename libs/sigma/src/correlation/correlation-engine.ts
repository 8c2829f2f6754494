import { CompiledCorrelation, CompiledReference, CorrelationPlan, CorrelationRejection, DetectionRuleRef, planCorrelations } from './correlation-compiler';
import {
  CorrelationEngineOptions,
  CorrelationEngineStats,
  CorrelationInput,
  CorrelationOutput,
  DEFAULT_CORRELATION_OPTIONS,
} from './correlation-io';
import { CorrelationRule } from './correlation-rule';
import { CorrelationEngineSnapshot } from './correlation-snapshot';
import { CorrelationRuntime } from './correlation-runtime';
import { EventTimeWatermark } from './event-time-watermark';
import { pendingItem, PendingItem } from './pending-item';
import { OpenMatch } from './open-match';
import { FieldSource, GroupKeys } from './group-keys';

/** A reference of one correlation, reachable from a detection rule id or name in `matched`. */
interface DetectionHandle {
  runtime: CorrelationRuntime;
  ref: number;
  reference: CompiledReference;
  keys: GroupKeys;
}

const MAX_CACHED_KEYS = 100_000;

export interface RestoreResult {
  /** Rules whose state was restored. */
  restored: string[];
  /** Rule ids in the snapshot whose state was not used: the rule is gone or its meaning changed. */
  discarded: string[];
}

/**
 * Sigma correlations over a stream of detection matches, on event time.
 *
 * Emission timing (the deliberate choice): nothing is evaluated until the watermark (newest event time
 * minus the lateness budget) has passed it. Every result is therefore final when reported, keys never
 * change, and the same events give the same matches whatever their batching or arrival order within the
 * budget. The price is latency: a gt/gte match is reported once the watermark passes the event that
 * made it true (up to the lateness budget after it); lt/lte/eq and ranges once it passes the end of the
 * window; `advance()` moves the watermark while no events arrive.
 */
export class CorrelationEngine {
  readonly rejected: readonly CorrelationRejection[];
  readonly correlationOnlyDetectionRules: readonly string[];
  private readonly options: CorrelationEngineOptions;
  private readonly runtimes: CorrelationRuntime[];
  private readonly byDetectionRule = new Map<string, DetectionHandle[]>();
  private watermark: EventTimeWatermark;
  private late = 0;
  private invalidTimestamps = 0;
  /** The handles of the last `matched` list routed: one list per rule is passed for event after event. */
  private lastMatched: readonly string[] | undefined;
  private lastHandles: readonly DetectionHandle[] = [];

  constructor(plan: CorrelationPlan, options: Partial<CorrelationEngineOptions> = {}) {
    this.options = { ...DEFAULT_CORRELATION_OPTIONS, ...options };
    this.rejected = plan.rejected;
    this.correlationOnlyDetectionRules = plan.correlationOnlyDetectionRules;
    this.watermark = new EventTimeWatermark(this.options.latenessMs);
    this.runtimes = plan.order.map((correlation) => new CorrelationRuntime(correlation, this.options, this.chain));
    for (const runtime of this.runtimes) {
      runtime.correlation.refs.forEach((reference, ref) => {
        if (reference.kind !== 'detection') return;
        const handle: DetectionHandle = { runtime, ref, reference, keys: new GroupKeys(reference.groupFields, MAX_CACHED_KEYS) };
        for (const key of reference.matchKeys) {
          const list = this.byDetectionRule.get(key) ?? [];
          list.push(handle);
          this.byDetectionRule.set(key, list);
        }
      });
    }
  }

  /** The accepted correlations, each after the ones it consumes. */
  get correlations(): readonly CompiledCorrelation[] {
    return this.runtimes.map((runtime) => runtime.correlation);
  }

  /**
   * One batch of inputs, in any order. Pass every event, matched or not: each moves event time on.
   * Inputs older than the watermark as it stood before the batch are late: counted per rule and
   * reported, not correlated (taking them in would make results depend on arrival timing).
   */
  process(inputs: readonly CorrelationInput[]): CorrelationOutput {
    this.watermark.observe(this.routeAll(inputs));
    return this.flush();
  }

  /**
   * Routes a batch's inputs; returns the newest event time among them. Its own method so that the loop is
   * optimized on its own (inside `process`, V8 entered it by on-stack replacement and fell back at its end).
   */
  private routeAll(inputs: readonly CorrelationInput[]): number {
    const watermark = this.watermark.current();
    let newest = -Infinity;
    for (const input of inputs) {
      if (!Number.isFinite(input.timestamp)) {
        this.invalidTimestamps += 1;
        continue;
      }
      if (input.timestamp > newest) newest = input.timestamp;
      this.route(input, this.watermark.isLate(input.timestamp, watermark));
    }
    return newest;
  }

  /**
   * Moves event time on without events (idle flush): to `watermarkHint`, or without one to the injected
   * clock minus the lateness budget. Events older than the new watermark will be late.
   */
  advance(watermarkHint?: number): CorrelationOutput {
    const hint = watermarkHint ?? (this.options.clock ? this.options.clock() - this.options.latenessMs : undefined);
    if (hint !== undefined && Number.isFinite(hint)) this.watermark.raiseTo(hint);
    return this.flush();
  }

  stats(): CorrelationEngineStats {
    const watermark = this.watermark.current();
    return {
      watermark: Number.isFinite(watermark) ? watermark : null,
      maxEventTime: Number.isFinite(this.watermark.maxEventTime) ? this.watermark.maxEventTime : null,
      late: this.late,
      invalidTimestamps: this.invalidTimestamps,
      rules: this.runtimes.map((runtime) => runtime.stats()),
    };
  }

  snapshot(): CorrelationEngineSnapshot {
    const { maxEventTime, floor } = this.watermark;
    const rules: CorrelationEngineSnapshot['rules'] = {};
    for (const runtime of this.runtimes) rules[runtime.correlation.ruleId] = runtime.snapshot();
    return {
      version: 1,
      maxEventTime: Number.isFinite(maxEventTime) ? maxEventTime : null,
      watermarkFloor: Number.isFinite(floor) ? floor : null,
      late: this.late,
      rules,
    };
  }

  /** Continues from a snapshot (e.g. after a restart); state of rules that changed meaning starts empty. */
  restore(snapshot: CorrelationEngineSnapshot): RestoreResult {
    if (snapshot.version !== 1) throw new Error(`unsupported correlation snapshot version ${String(snapshot.version)}`);
    this.watermark = new EventTimeWatermark(this.options.latenessMs, snapshot.maxEventTime ?? -Infinity, snapshot.watermarkFloor ?? -Infinity);
    this.late = snapshot.late;
    const restored: string[] = [];
    for (const runtime of this.runtimes) {
      const state = snapshot.rules[runtime.correlation.ruleId];
      if (state && state.fingerprint === runtime.correlation.fingerprint) {
        runtime.restore(state);
        restored.push(runtime.correlation.ruleId);
      }
    }
    const discarded = Object.keys(snapshot.rules).filter((ruleId) => !restored.includes(ruleId));
    return { restored, discarded };
  }

  /** The references fed by an input that matched these rules, each once (a rule is named by id and by name). */
  private handlesOf(matched: readonly string[]): readonly DetectionHandle[] {
    if (matched === this.lastMatched) return this.lastHandles;
    const handles: DetectionHandle[] = [];
    for (const name of matched) for (const handle of this.byDetectionRule.get(name) ?? []) if (!handles.includes(handle)) handles.push(handle);
    this.lastMatched = matched;
    this.lastHandles = handles;
    return handles;
  }

  private route(input: CorrelationInput, late: boolean): void {
    const handles = this.handlesOf(input.matched);
    if (late) {
      for (let i = 0; i < handles.length; i += 1) handles[i]!.runtime.countLate();
      if (handles.length > 0) this.late += 1;
      return;
    }
    for (let i = 0; i < handles.length; i += 1) {
      const handle = handles[i]!;
      const group = handle.keys.keyOf(input);
      const value = group === undefined ? undefined : countedValueOf(handle.reference, input);
      if (group === undefined || value === undefined) {
        handle.runtime.countMissingField();
        continue;
      }
      // As pendingItem() builds it (every member, this order), without the options object.
      const item: PendingItem = {
        ts: input.timestamp,
        id: input.eventId,
        ref: handle.ref,
        group,
        value: value === NOT_COUNTED ? undefined : value,
        ids: undefined,
        count: input.count !== undefined && input.count > 1 ? input.count : undefined,
        firstAt: undefined,
        facets: input.facets,
      };
      handle.runtime.enqueue(item);
    }
  }

  /** A chained correlation's input: the upstream match, keyed by the upstream group-by values. */
  private readonly chain = (source: CompiledCorrelation, groupKey: string, match: OpenMatch, at: number): void => {
    const values = JSON.parse(groupKey) as string[];
    const upstream = {
      field: (name: string): string | undefined => {
        const index = source.rule.groupBy.indexOf(name);
        return index < 0 ? undefined : values[index];
      },
    };
    const ids = match.sampleIds();
    for (const consumer of source.consumers) {
      const runtime = this.runtimes[consumer.correlation]!;
      const reference = runtime.correlation.refs[consumer.ref]!;
      const group = jsonOfValues(reference.groupFields, upstream);
      const value = group === undefined ? undefined : countedValueOf(reference, upstream);
      if (group === undefined || value === undefined) {
        runtime.countMissingField();
        continue;
      }
      runtime.enqueue(
        pendingItem(at, match.key, consumer.ref, group, {
          value: value === NOT_COUNTED ? undefined : value,
          ids,
          count: match.eventCount,
          firstAt: match.firstEventAt,
          facets: this.options.facets.length > 0 ? match.facetLists() : undefined,
        }),
      );
    }
  };

  private flush(): CorrelationOutput {
    const watermark = this.watermark.current();
    const output: CorrelationOutput = { matches: [], health: [] };
    // Upstream first: a chained correlation sees this flush's upstream matches in the same flush.
    for (const runtime of this.runtimes) runtime.flush(watermark);
    for (const runtime of this.runtimes) {
      runtime.takeChanges(output.matches);
      runtime.takeHealth(output.health);
    }
    return output;
  }
}

/** Marks a reference that counts no value (every type but value_count). */
const NOT_COUNTED = '\u0000not-counted';

/** value_count: the counted value (JSON of the tuple for several fields); undefined when one is missing. */
function countedValueOf(reference: CompiledReference, source: FieldSource): string | undefined {
  const fields = reference.valueFields;
  if (fields.length === 0) return NOT_COUNTED;
  if (fields.length === 1) {
    const value = source.field(fields[0]!);
    return value === undefined || value === '' ? undefined : String(value);
  }
  return jsonOfValues(fields, source);
}

/**
 * JSON of the fields' values as texts, in order; undefined when one is missing or empty. (An upstream
 * match's group key: chained inputs are not per event, so their keys are not cached in GroupKeys.)
 */
function jsonOfValues(fields: readonly string[], source: FieldSource): string | undefined {
  const values: string[] = [];
  for (const field of fields) {
    const value = source.field(field);
    if (value === undefined || value === '') return undefined;
    values.push(String(value));
  }
  return JSON.stringify(values);
}

/** Resolves and orders the correlations and returns an engine; rejected rules are on `engine.rejected`. */
export function compileCorrelations(
  rules: readonly CorrelationRule[],
  detectionRuleRefs: readonly DetectionRuleRef[],
  options: Partial<CorrelationEngineOptions> = {},
): CorrelationEngine {
  return new CorrelationEngine(planCorrelations(rules, detectionRuleRefs), options);
}
