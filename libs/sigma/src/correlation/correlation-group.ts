import { CompiledCorrelation } from './correlation-compiler';
import { CorrelationWindow, WindowSnapshot } from './correlation-window';
import { GroupSnapshot } from './correlation-snapshot';
import { CountWindow } from './count-window';
import { MatchLimits, OpenMatch } from './open-match';
import { OrderedSequence } from './ordered-sequence';

/** One group-by value combination of one correlation: its window, its open match, and when to look again. */
export interface CorrelationGroup {
  key: string;
  window: CorrelationWindow;
  /** Anchored mode: start of the window being filled, undefined between windows. */
  anchorStart: number | undefined;
  match: OpenMatch | undefined;
  /** Event time after which the group must be looked at (window closes, burst ends, state expires). */
  deadline: number;
  /** The time of this group's one entry in the timer heap, undefined when it has none. */
  armedAt: number | undefined;
  /**
   * Its snapshot, kept until the group next changes: a checkpoint per batch then copies only the groups
   * the batch touched, not every open one. Cleared by whatever changes the group (CorrelationRuntime).
   */
  saved: GroupSnapshot | undefined;
  /** The group-by values its key is the JSON of, read back once when a match of the group is first reported. */
  values: readonly string[] | undefined;
}

export function newWindow(correlation: CompiledCorrelation, snapshot?: WindowSnapshot): CorrelationWindow {
  const { type, rules, timespanMs } = correlation.rule;
  if (type === 'temporal_ordered') {
    if (snapshot?.kind === 'ordered') return new OrderedSequence(timespanMs, snapshot.steps.map((chain) => (chain ? [...chain] : null)), [...snapshot.tie], snapshot.tieTs);
    return OrderedSequence.empty(rules.length, timespanMs);
  }
  const measure = type === 'event_count' ? 'events' : type === 'value_count' ? 'values' : 'rules';
  return new CountWindow(measure, rules.length, snapshot?.kind === 'count' ? snapshot.items : []);
}

export function newGroup(correlation: CompiledCorrelation, key: string): CorrelationGroup {
  return { key, window: newWindow(correlation), anchorStart: undefined, match: undefined, deadline: -Infinity, armedAt: undefined, saved: undefined, values: undefined };
}

export function snapshotGroup(group: CorrelationGroup): GroupSnapshot {
  return {
    key: group.key,
    deadline: group.deadline,
    armedAt: group.armedAt ?? null,
    anchorStart: group.anchorStart ?? null,
    window: group.window.snapshot(),
    match: group.match?.snapshot() ?? null,
  };
}

export function restoreGroup(correlation: CompiledCorrelation, snapshot: GroupSnapshot, limits: MatchLimits): CorrelationGroup {
  return {
    key: snapshot.key,
    window: newWindow(correlation, snapshot.window),
    anchorStart: snapshot.anchorStart ?? undefined,
    match: snapshot.match ? OpenMatch.restore(snapshot.match, limits, correlation.rule.groupBy) : undefined,
    deadline: snapshot.deadline,
    armedAt: snapshot.armedAt ?? undefined,
    saved: undefined,
    values: undefined,
  };
}
