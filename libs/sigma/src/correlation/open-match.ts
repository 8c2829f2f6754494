import { CorrelationMatch } from './correlation-io';
import { CompiledCorrelation } from './correlation-compiler';
import { EventIdSample } from './event-id-sample';
import { PendingItem } from './pending-item';

export interface MatchSnapshot {
  key: string;
  firstEventAt: number;
  lastEventAt: number;
  eventCount: number;
  head: string[];
  tail: string[];
  /** value_count: distinct values seen so far (capped). */
  values: string[] | null;
  /** Referenced rules in the order their first event joined. */
  refs: number[];
}

export interface MatchLimits {
  maxEventIds: number;
  maxDistinctValues: number;
}

/**
 * A burst that matched and may still grow: events joining it update this match instead of raising a new
 * one. Its key (rule, group, first window start) never changes once made.
 */
export class OpenMatch {
  /** Set when the match changed during the current call; the engine reports each match once per call. */
  pendingChange: 'created' | 'updated' | undefined;

  private constructor(
    readonly key: string,
    public firstEventAt: number,
    public lastEventAt: number,
    private readonly ids: EventIdSample,
    private readonly values: Set<string> | undefined,
    private readonly refs: number[],
    private readonly maxDistinctValues: number,
  ) {}

  static open(key: string, countsValues: boolean, limits: MatchLimits): OpenMatch {
    return new OpenMatch(key, Infinity, -Infinity, new EventIdSample(limits.maxEventIds), countsValues ? new Set() : undefined, [], limits.maxDistinctValues);
  }

  static restore(snapshot: MatchSnapshot, limits: MatchLimits): OpenMatch {
    const ids = new EventIdSample(limits.maxEventIds, [...snapshot.head], [...snapshot.tail], snapshot.eventCount);
    const values = snapshot.values ? new Set(snapshot.values) : undefined;
    return new OpenMatch(snapshot.key, snapshot.firstEventAt, snapshot.lastEventAt, ids, values, [...snapshot.refs], limits.maxDistinctValues);
  }

  get eventCount(): number {
    return this.ids.count;
  }

  add(item: PendingItem): void {
    const first = item.firstAt ?? item.ts;
    if (first < this.firstEventAt) this.firstEventAt = first;
    if (item.ts > this.lastEventAt) this.lastEventAt = item.ts;
    if (item.ids) {
      // A chained input stands for the events behind the upstream match.
      for (const id of item.ids) this.ids.add(id);
      this.ids.count += (item.count ?? item.ids.length) - item.ids.length;
    } else {
      this.ids.add(item.id);
      // A record that stands for several occurrences ("message repeated N times") counts as all of them.
      if (item.count !== undefined && item.count > 1) this.ids.count += item.count - 1;
    }
    if (this.values && item.value !== undefined && this.values.size < this.maxDistinctValues) this.values.add(item.value);
    if (!this.refs.includes(item.ref)) this.refs.push(item.ref);
  }

  /** The first events' ids, capped, for a chained correlation's input. */
  sampleIds(): string[] {
    return this.ids.list();
  }

  materialize(correlation: CompiledCorrelation, groupValues: readonly string[]): CorrelationMatch {
    const { rule } = correlation;
    const groupBy: Record<string, string> = {};
    rule.groupBy.forEach((field, index) => (groupBy[field] = groupValues[index] ?? ''));
    const eventIds = this.ids.list();
    return {
      key: this.key,
      ruleId: correlation.ruleId,
      ...(rule.name ? { ruleName: rule.name } : {}),
      title: rule.title,
      level: rule.level ?? 'medium',
      tags: rule.tags,
      ...(rule.author ? { author: rule.author } : {}),
      type: rule.type,
      groupBy,
      firstEventAt: this.firstEventAt,
      lastEventAt: this.lastEventAt,
      eventCount: this.ids.count,
      eventIds,
      eventIdsOmitted: this.ids.count - eventIds.length,
      ...(this.values ? { valueCount: this.values.size } : {}),
      ...(rule.type === 'temporal' || rule.type === 'temporal_ordered' ? { orderedRules: this.refs.map((ref) => rule.rules[ref]!) } : {}),
    };
  }

  snapshot(): MatchSnapshot {
    return {
      key: this.key,
      firstEventAt: this.firstEventAt,
      lastEventAt: this.lastEventAt,
      eventCount: this.ids.count,
      head: [...this.ids.head],
      tail: [...this.ids.tail],
      values: this.values ? [...this.values] : null,
      refs: [...this.refs],
    };
  }
}
