import { BinaryHeap } from './binary-heap';
import { CompiledCorrelation } from './correlation-compiler';
import { CorrelationGroup, newGroup, restoreGroup, snapshotGroup } from './correlation-group';
import { CorrelationHealthEvent, CorrelationMatchChange, CorrelationRuleStats } from './correlation-io';
import { RuleCounters, RuleStateSnapshot, TimerEntry } from './correlation-snapshot';
import { MatchLimits, OpenMatch } from './open-match';
import { PendingItem } from './pending-item';
import { PendingQueue } from './pending-queue';

export interface RuntimeLimits extends MatchLimits {
  maxGroupsPerRule: number;
}

/** Called when a match is created, so correlations chained on this one get it as an input. */
export type MatchCreatedListener = (source: CompiledCorrelation, groupKey: string, match: OpenMatch, at: number) => void;

const timerBefore = (a: TimerEntry, b: TimerEntry): boolean => (a.at !== b.at ? a.at < b.at : a.group < b.group);

/**
 * One correlation rule's state machine. Items wait in event-time order until the watermark passes
 * them, then enter their group in (time, id, rule) order, with every group deadline that falls before
 * an item handled first. So processing is one fixed sequence, whatever the arrival order and batching.
 *
 * Group lifecycle, sliding mode (gt/gte): events collect in a window that slides with each event;
 * when the condition holds, a match opens with the window's events and every later event of the group
 * within `timespan` of the match's last one joins it (`updated`). Quiet for a timespan: the burst ends.
 *
 * Anchored mode (lt/lte/eq or ranges): a window opens at a group's first event and spans `timespan`;
 * when the watermark passes its end, the condition is judged on the whole window. A following window
 * that also matches, starting within a timespan of the match's last event, extends the same match.
 */
export class CorrelationRuntime {
  private pending = new PendingQueue();
  private timers = new BinaryHeap<TimerEntry>(timerBefore);
  private groups = new Map<string, CorrelationGroup>();
  private counters: RuleCounters = { late: 0, evicted: 0, missingField: 0, matchesCreated: 0 };
  private dirty: { match: OpenMatch; group: CorrelationGroup }[] = [];
  private lateThisCall = 0;
  private evictedThisCall = 0;
  private readonly timespanMs: number;

  constructor(
    readonly correlation: CompiledCorrelation,
    private readonly limits: RuntimeLimits,
    private readonly onMatchCreated: MatchCreatedListener,
  ) {
    this.timespanMs = correlation.rule.timespanMs;
  }

  enqueue(item: PendingItem): void {
    this.pending.push(item);
  }

  countLate(): void {
    this.counters.late += 1;
    this.lateThisCall += 1;
  }

  countMissingField(): void {
    this.counters.missingField += 1;
  }

  /** Feeds every item older than the watermark into the windows, then handles deadlines before it. */
  flush(watermark: number): void {
    for (let top = this.pending.peek(); top !== undefined && top.ts < watermark; top = this.pending.peek()) {
      this.pending.pop();
      this.fireTimers(top.ts);
      this.apply(top);
    }
    this.fireTimers(watermark);
  }

  takeChanges(into: CorrelationMatchChange[]): void {
    for (const { match, group } of this.dirty) {
      group.values ??= JSON.parse(group.key) as string[];
      into.push({ change: match.pendingChange ?? 'updated', match: match.materialize(this.correlation, group.values) });
      match.pendingChange = undefined;
    }
    this.dirty = [];
  }

  takeHealth(into: CorrelationHealthEvent[]): void {
    const ruleId = this.correlation.ruleId;
    if (this.evictedThisCall > 0) into.push({ kind: 'state_cap', ruleId, dropped: this.evictedThisCall });
    if (this.lateThisCall > 0) into.push({ kind: 'late_events', ruleId, count: this.lateThisCall });
    this.evictedThisCall = 0;
    this.lateThisCall = 0;
  }

  stats(): CorrelationRuleStats {
    return { ruleId: this.correlation.ruleId, openGroups: this.groups.size, pending: this.pending.size, ...this.counters };
  }

  snapshot(): RuleStateSnapshot {
    return {
      fingerprint: this.correlation.fingerprint,
      pending: this.pending.items(),
      timers: [...this.timers.items],
      // Snapshots are only read (serialized, restored from copies), so an unchanged group's is reused.
      groups: [...this.groups.values()].map((group) => (group.saved ??= snapshotGroup(group))),
      counters: { ...this.counters },
    };
  }

  restore(snapshot: RuleStateSnapshot): void {
    // Copies: the caller's snapshot stays untouched and can be restored again.
    this.pending = new PendingQueue(snapshot.pending);
    this.timers = new BinaryHeap<TimerEntry>(timerBefore, [...snapshot.timers]);
    this.groups = new Map(snapshot.groups.map((group) => [group.key, restoreGroup(this.correlation, group, this.limits)]));
    this.counters = { ...snapshot.counters };
  }

  private apply(item: PendingItem): void {
    const group = this.groups.get(item.group) ?? this.admit(item.group);
    group.saved = undefined;
    if (this.correlation.mode === 'sliding') this.slide(group, item);
    else this.anchor(group, item);
    this.arm(group);
  }

  private slide(group: CorrelationGroup, item: PendingItem): void {
    const span = this.timespanMs;
    if (group.match && item.ts > group.match.lastEventAt + span) group.match = undefined;
    if (group.match) {
      group.match.add(item);
      this.touched(group, group.match, 'updated');
      group.deadline = group.match.lastEventAt + span;
      return;
    }
    group.window.add(item);
    group.window.evictBefore(item.ts - span);
    if (group.window.measure() >= this.correlation.range.min) {
      const match = this.open(group, group.window.contributing());
      group.window.clear();
      this.created(group, match, item.ts);
      group.deadline = match.lastEventAt + span;
    } else {
      group.deadline = item.ts + span;
    }
  }

  private anchor(group: CorrelationGroup, item: PendingItem): void {
    const span = this.timespanMs;
    if (group.anchorStart !== undefined && item.ts > group.anchorStart + span) this.closeWindow(group);
    if (group.match && group.anchorStart === undefined && item.ts > group.match.lastEventAt + span) group.match = undefined;
    group.anchorStart ??= item.ts;
    group.window.add(item);
    group.deadline = group.anchorStart + span;
  }

  /** Anchored mode: the window is complete; judge it. */
  private closeWindow(group: CorrelationGroup): void {
    const start = group.anchorStart!;
    const measure = group.window.measure();
    const { min, max } = this.correlation.range;
    if (measure >= min && measure <= max) {
      const items = group.window.contributing();
      if (group.match) {
        for (const item of items) group.match.add(item);
        this.touched(group, group.match, 'updated');
      } else {
        this.created(group, this.open(group, items), start + this.timespanMs);
      }
    } else {
      group.match = undefined;
    }
    group.window.clear();
    group.anchorStart = undefined;
  }

  private open(group: CorrelationGroup, items: readonly PendingItem[]): OpenMatch {
    const key = `${this.correlation.ruleId}|${group.key}|${items[0]!.ts}`;
    const match = OpenMatch.open(key, this.correlation.rule.type === 'value_count', this.limits, this.correlation.rule.groupBy);
    for (const item of items) match.add(item);
    group.match = match;
    return match;
  }

  private created(group: CorrelationGroup, match: OpenMatch, at: number): void {
    this.counters.matchesCreated += 1;
    this.touched(group, match, 'created');
    if (this.correlation.consumers.length > 0) this.onMatchCreated(this.correlation, group.key, match, at);
  }

  private touched(group: CorrelationGroup, match: OpenMatch, change: 'created' | 'updated'): void {
    if (!this.correlation.emits) return;
    if (match.pendingChange === undefined) this.dirty.push({ match, group });
    if (match.pendingChange !== 'created') match.pendingChange = change;
  }

  /** Handles every group deadline before `limit`, oldest first. */
  private fireTimers(limit: number): void {
    for (let top = this.timers.peek(); top !== undefined && top.at < limit; top = this.timers.peek()) {
      this.timers.pop();
      const group = this.groups.get(top.group);
      if (!group || group.armedAt !== top.at) continue; // left over from a group that is gone
      group.saved = undefined;
      group.armedAt = undefined;
      if (group.deadline > top.at) this.arm(group);
      else this.expire(group);
    }
  }

  private expire(group: CorrelationGroup): void {
    if (group.anchorStart !== undefined) {
      this.closeWindow(group);
      if (group.match) {
        group.deadline = group.match.lastEventAt + this.timespanMs;
        this.arm(group);
        return;
      }
    }
    // Sliding windows hold nothing younger than the deadline, and a burst quiet this long is over.
    this.groups.delete(group.key);
  }

  /** One timer entry per group; a later deadline re-arms it when the entry comes due. */
  private arm(group: CorrelationGroup): void {
    if (group.armedAt !== undefined) return;
    group.armedAt = group.deadline;
    this.timers.push({ at: group.deadline, group: group.key });
  }

  private admit(key: string): CorrelationGroup {
    if (this.groups.size >= this.limits.maxGroupsPerRule) this.evictOldest();
    const group = newGroup(this.correlation, key);
    this.groups.set(key, group);
    return group;
  }

  /** The group whose deadline is nearest is the least recently active one. */
  private evictOldest(): void {
    for (let top = this.timers.pop(); top !== undefined; top = this.timers.pop()) {
      const group = this.groups.get(top.group);
      if (!group || group.armedAt !== top.at) continue;
      group.saved = undefined;
      group.armedAt = undefined;
      if (group.deadline > top.at) {
        this.arm(group);
        continue;
      }
      this.groups.delete(group.key);
      this.counters.evicted += 1;
      this.evictedThisCall += 1;
      return;
    }
  }
}
