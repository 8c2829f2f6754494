import { CorrelationMatch } from './correlation-io';
import { CompiledCorrelation } from './correlation-compiler';
import { EventIdSample } from './event-id-sample';
import { KnownStrings } from './known-strings';
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
  /** Per facet field (the engine's `facets`, in order), the distinct values its events carried (capped); absent in older snapshots. */
  facets?: string[][];
}

export interface MatchLimits {
  maxEventIds: number;
  maxDistinctValues: number;
  /** Fields whose distinct values each match lists, besides its group-by values. */
  facets: readonly string[];
  /** Distinct values listed per facet; later ones are not added. */
  maxFacetValues: number;
}

/**
 * A burst that matched and may still grow: events joining it update this match instead of raising a new
 * one. Its key (rule, group, first window start) never changes once made.
 */
export class OpenMatch {
  /** Set when the match changed during the current call; the engine reports each match once per call. */
  pendingChange: 'created' | 'updated' | undefined;
  /** Per facet, values known to be in its set, found without hashing them (made with its first value). */
  private readonly known: (KnownStrings | undefined)[] = [];
  /**
   * The facet values as lists, as last made; dropped when a facet gains a value. Snapshots and reported
   * matches share them (they only read them): a match's facets stop changing long before its events do.
   */
  private facetListsMade: string[][] | undefined;

  private constructor(
    readonly key: string,
    public firstEventAt: number,
    public lastEventAt: number,
    private readonly ids: EventIdSample,
    private readonly values: Set<string> | undefined,
    private readonly refs: number[],
    /** Per facet field, its distinct values in the order first seen (a set: most events repeat one). */
    private readonly facets: Set<string>[],
    private readonly limits: MatchLimits,
    /** Per facet field, whether the correlation groups by it: every event of the match then has the same value. */
    private readonly grouped: readonly boolean[],
  ) {}

  static open(key: string, countsValues: boolean, limits: MatchLimits, groupBy: readonly string[]): OpenMatch {
    const facets = limits.facets.map(() => new Set<string>());
    return new OpenMatch(key, Infinity, -Infinity, new EventIdSample(limits.maxEventIds), countsValues ? new Set() : undefined, [], facets, limits, groupedFacets(limits, groupBy));
  }

  static restore(snapshot: MatchSnapshot, limits: MatchLimits, groupBy: readonly string[]): OpenMatch {
    const ids = new EventIdSample(limits.maxEventIds, [...snapshot.head], snapshot.tail, snapshot.eventCount);
    const values = snapshot.values ? new Set(snapshot.values) : undefined;
    const facets = limits.facets.map((_, index) => new Set(snapshot.facets?.[index]));
    return new OpenMatch(snapshot.key, snapshot.firstEventAt, snapshot.lastEventAt, ids, values, [...snapshot.refs], facets, limits, groupedFacets(limits, groupBy));
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
    if (this.values && item.value !== undefined && this.values.size < this.limits.maxDistinctValues) this.values.add(item.value);
    if (!this.refs.includes(item.ref)) this.refs.push(item.ref);
    if (item.facets) this.addFacets(item.facets);
  }

  /** The facet values of the events behind this match, per facet field (lists nobody may change). */
  facetLists(): string[][] {
    return (this.facetListsMade ??= this.facets.map((values) => [...values]));
  }

  private addFacets(facets: NonNullable<PendingItem['facets']>): void {
    const cap = this.limits.maxFacetValues;
    const count = Math.min(facets.length, this.facets.length);
    for (let index = 0; index < count; index += 1) {
      const given = facets[index];
      if (given === null || given === undefined) continue;
      const values = this.facets[index]!;
      const size = values.size;
      if (size >= cap) continue;
      if (typeof given === 'string') {
        // A group-by field's value is the group's: known from the first event on (no string to compare).
        if (size > 0 && this.grouped[index]) continue;
        const known = (this.known[index] ??= new KnownStrings());
        if (known.has(given)) continue;
        values.add(given);
        known.remember(given);
      } else {
        for (const value of given) if (values.size < cap) values.add(value);
      }
      if (values.size !== size) this.facetListsMade = undefined;
    }
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
    // Member by member in the interface's order, the optional ones only when present: conditional spreads
    // (`...(x ? { x } : {})`) take V8's slow path, and this runs for every match a batch changes.
    const match = { key: this.key, ruleId: correlation.ruleId } as CorrelationMatch;
    if (rule.name) match.ruleName = rule.name;
    match.title = rule.title;
    match.level = rule.level ?? 'medium';
    match.tags = rule.tags;
    if (rule.author) match.author = rule.author;
    match.type = rule.type;
    match.groupBy = groupBy;
    match.firstEventAt = this.firstEventAt;
    match.lastEventAt = this.lastEventAt;
    match.eventCount = this.ids.count;
    match.eventIds = eventIds;
    match.eventIdsOmitted = this.ids.count - eventIds.length;
    if (this.values) match.valueCount = this.values.size;
    if (this.facets.length > 0) match.facets = this.facetRecord();
    if (rule.type === 'temporal' || rule.type === 'temporal_ordered') match.orderedRules = this.refs.map((ref) => rule.rules[ref]!);
    return match;
  }

  private facetRecord(): Record<string, string[]> {
    const record: Record<string, string[]> = {};
    const lists = this.facetLists();
    this.limits.facets.forEach((field, index) => (record[field] = lists[index]!));
    return record;
  }

  snapshot(): MatchSnapshot {
    return {
      key: this.key,
      firstEventAt: this.firstEventAt,
      lastEventAt: this.lastEventAt,
      eventCount: this.ids.count,
      // A full head no longer changes: shared, not copied.
      head: this.ids.headFull ? this.ids.head : [...this.ids.head],
      tail: this.ids.tail(),
      values: this.values ? [...this.values] : null,
      refs: [...this.refs],
      ...(this.facets.length > 0 ? { facets: this.facetLists() } : {}),
    };
  }
}

function groupedFacets(limits: MatchLimits, groupBy: readonly string[]): boolean[] {
  return limits.facets.map((field) => groupBy.includes(field));
}
