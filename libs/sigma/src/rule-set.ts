import type { SecurityEvent } from '@soc/parsers';
import { CompiledRule } from './compiled-rule';
import { EventPath, EventView, eventPath, Texts } from './event-view';
import { LiteralIndex } from './literal-index';
import { SigmaMatch } from './match-explanation';

/**
 * Paths whose exact value routes an event to the rules that can match it, tried in this order:
 * a rule is filed under the first path its requirement pins to a value set (its logsource scope
 * pins Windows rules to event ids, others mostly to datasets), else with the rules for every event.
 */
const ROUTING_PATHS: readonly EventPath[] = ['winlog.event_id', 'event.dataset', 'process.name', 'winlog.channel', 'event.module'].map((key) => eventPath(key));

/** Short ASCII literals (`.\\`, `-e`) occur in almost every text: indexing them would not narrow anything. */
const worthIndexing = (literal: string) => literal.length >= 3 || /[^\x00-\x7f]/.test(literal);

/** Rules sharing a route; those that need a literal are reached through the literal's automaton. */
class RuleGroup {
  readonly unconditional: number[] = [];
  private readonly byPath = new Map<string, { path: EventPath; literals: LiteralIndex<number> }>();
  /** `byPath`'s entries as a list, once built: walked for every event routed here. */
  private searches: ReadonlyArray<{ path: EventPath; literals: LiteralIndex<number> }> = [];

  add(index: number, rule: CompiledRule): void {
    const needs = rule.requirement.contains;
    if (!needs || !needs.every((n) => worthIndexing(n.literal))) {
      this.unconditional.push(index);
      return;
    }
    for (const { path, literal } of needs) {
      let entry = this.byPath.get(path.id);
      if (!entry) this.byPath.set(path.id, (entry = { path, literals: new LiteralIndex<number>() }));
      entry.literals.add(literal, index);
    }
  }

  build(): void {
    for (const entry of this.byPath.values()) entry.literals.build();
    this.searches = [...this.byPath.values()];
  }

  /** Marks the group's rules that this event could match. */
  collect(view: EventView, mark: (index: number) => void): void {
    for (let i = 0; i < this.unconditional.length; i += 1) mark(this.unconditional[i]!);
    for (let i = 0; i < this.searches.length; i += 1) {
      const { path, literals } = this.searches[i]!;
      const texts: Texts = view.lower(path);
      if (texts === undefined) continue;
      if (typeof texts === 'string') literals.search(texts, mark);
      else for (const text of texts) literals.search(text, mark);
    }
  }
}

export interface RuleSetOptions {
  /**
   * Whether `detect` explains this rule's matches (default: every rule). Decided once, when the set is
   * built: e.g. rules whose matches only feed correlations, which read nothing but the rule.
   */
  explains?: (rule: CompiledRule) => boolean;
}

/**
 * Compiled rules with a pre-filter index over what they require: each event is evaluated only
 * against the rules routed to its event id / dataset and whose required literals it contains.
 * Gives exactly the matches of evaluating every rule, in rule order. Not re-entrant: evaluation
 * reuses scratch state (one JavaScript thread evaluates at a time).
 */
export class RuleSet {
  private readonly routes = new Map<string, Map<string, RuleGroup>>();
  /** The routing paths some rule is filed under, in ROUTING_PATHS order, with their groups by value. */
  private readonly routed: ReadonlyArray<{ path: EventPath; byValue: ReadonlyMap<string, RuleGroup> }>;
  private readonly everywhere = new RuleGroup();
  private readonly seen: Uint32Array;
  private generation = 0;
  /**
   * Scratch: the current event's candidates are its first `candidateCount` entries. Never emptied by
   * `length = 0`, which would drop its storage and make every event allocate it anew.
   */
  private readonly candidates: number[] = [];
  private candidateCount = 0;
  private readonly mark = (index: number): void => {
    if (this.seen[index] === this.generation) return;
    this.seen[index] = this.generation;
    this.candidates[this.candidateCount++] = index;
  };

  /** Per rule index, whether `detect` builds the explanation of its matches. */
  private readonly explains: readonly boolean[];
  /** Scratch: the view `detect` and `evaluate` read each event through, reset per event. */
  private readonly view = new EventView({} as SecurityEvent);

  constructor(
    readonly rules: readonly CompiledRule[],
    options: RuleSetOptions = {},
  ) {
    this.explains = rules.map((rule) => options.explains?.(rule) ?? true);
    this.seen = new Uint32Array(rules.length);
    rules.forEach((rule, index) => this.groupFor(rule).forEach((group) => group.add(index, rule)));
    this.everywhere.build();
    for (const groups of this.routes.values()) for (const group of groups.values()) group.build();
    this.routed = ROUTING_PATHS.flatMap((path) => {
      const byValue = this.routes.get(path.id);
      return byValue ? [{ path, byValue }] : [];
    });
  }

  private groupFor(rule: CompiledRule): RuleGroup[] {
    for (const path of ROUTING_PATHS) {
      const pinned = rule.requirement.oneOf.get(path.id);
      if (!pinned) continue;
      let byValue = this.routes.get(path.id);
      if (!byValue) this.routes.set(path.id, (byValue = new Map<string, RuleGroup>()));
      const groups: RuleGroup[] = [];
      for (const value of pinned.values) {
        let group = byValue.get(value);
        if (!group) byValue.set(value, (group = new RuleGroup()));
        groups.push(group);
      }
      return groups;
    }
    return [this.everywhere];
  }

  /** How many rules this event could match; their indices, ascending, lead `candidates`. */
  private candidatesFor(view: EventView): number {
    this.generation = (this.generation + 1) >>> 0;
    if (this.generation === 0) {
      // Wrapped around: old marks could equal new generations.
      this.seen.fill(0);
      this.generation = 1;
    }
    this.candidateCount = 0;
    this.everywhere.collect(view, this.mark);
    // Only the paths some rule is routed by: each event would otherwise look up every routing path.
    for (let i = 0; i < this.routed.length; i += 1) {
      const { path, byValue } = this.routed[i]!;
      const texts = view.lower(path);
      if (texts === undefined) continue;
      if (typeof texts === 'string') byValue.get(texts)?.collect(view, this.mark);
      else for (const text of texts) byValue.get(text)?.collect(view, this.mark);
    }
    // Most events have at most one candidate: nothing to order then.
    if (this.candidateCount > 1) sortLeading(this.candidates, this.candidateCount);
    return this.candidateCount;
  }

  /** The rules the index lets through for this event (a superset of those that match). */
  candidateRules(event: SecurityEvent): CompiledRule[] {
    const count = this.candidatesFor(new EventView(event));
    return this.candidates.slice(0, count).map((i) => this.rules[i]!);
  }

  /** Every rule that matches the event, with its explanation, in rule order (for people: rule tests, tools). */
  evaluate(event: SecurityEvent): SigmaMatch[] {
    return this.matches(event, false);
  }

  /**
   * As `evaluate`, but the matches of rules the options say need no explanation come with none
   * (`selections` empty): what detection uses on every event.
   */
  detect(event: SecurityEvent): SigmaMatch[] {
    return this.matches(event, true);
  }

  private matches(event: SecurityEvent, onlyNeeded: boolean): SigmaMatch[] {
    const view = this.view;
    view.reset(event);
    let matches: SigmaMatch[] | undefined;
    const count = this.candidatesFor(view);
    for (let i = 0; i < count; i += 1) {
      const index = this.candidates[i]!;
      const match = this.rules[index]!.evaluateView(view, !onlyNeeded || this.explains[index]!);
      if (!match) continue;
      // A list literal of one: most events match one rule, and a first push would reserve room for 17.
      if (matches) matches.push(match);
      else matches = [match];
    }
    // Most events match nothing: no list is made for them (a new empty one for callers who keep it).
    return matches ?? (onlyNeeded ? NO_MATCHES : []);
  }
}

const ascending = (a: number, b: number): number => a - b;

/** Sorts the first `count` numbers in place: by insertion when few (no copy), else through a sorted copy. */
function sortLeading(numbers: number[], count: number): void {
  if (count > 16) {
    numbers.slice(0, count).sort(ascending).forEach((n, i) => (numbers[i] = n));
    return;
  }
  for (let i = 1; i < count; i += 1) {
    const n = numbers[i]!;
    let j = i - 1;
    for (; j >= 0 && numbers[j]! > n; j -= 1) numbers[j + 1] = numbers[j]!;
    numbers[j + 1] = n;
  }
}

/** What `detect` returns for an event no rule matches; frozen, as every such call shares it. */
const NO_MATCHES: SigmaMatch[] = Object.freeze([]) as unknown as SigmaMatch[];
