import type { SecurityEvent } from '@soc/parsers';
import { EventView } from './event-view';
import { SelectionMatch, SigmaMatch } from './match-explanation';
import { Requirement } from './requirement';
import { CompiledSearch } from './search-compiler';
import { SigmaRule } from './sigma-rule';

export interface CompiledRuleParts {
  rule: SigmaRule;
  /** False when no logsource mapping exists and fields are read by their Sigma names. */
  mapped: boolean;
  /** Logsource scope, rule condition(s) and filters, as one test. */
  test: (view: EventView) => boolean;
  /** Search identifiers that count towards a match when they hold, in rule order. */
  explained: ReadonlyArray<readonly [string, CompiledSearch]>;
  requirement: Requirement;
}

/** A rule ready to run: everything resolved at compile time, nothing parsed per event. */
export class CompiledRule {
  readonly rule: SigmaRule;
  readonly mapped: boolean;
  /** What any matching event must carry; the rule set's index is built from it. */
  readonly requirement: Requirement;
  private readonly holds: (view: EventView) => boolean;
  private readonly explained: CompiledRuleParts['explained'];
  /**
   * The match reported when nobody reads its explanation (see `evaluateView`): the same object every time,
   * frozen since it is shared.
   */
  private readonly unexplained: SigmaMatch;

  constructor(parts: CompiledRuleParts) {
    this.rule = parts.rule;
    this.mapped = parts.mapped;
    this.requirement = parts.requirement;
    this.holds = parts.test;
    this.explained = parts.explained;
    this.unexplained = Object.freeze({ rule: this.rule, selections: Object.freeze([]) });
  }

  get id(): string | undefined {
    return this.rule.id;
  }

  /** null, or why the rule matched the event. */
  evaluate(event: SecurityEvent): SigmaMatch | null {
    return this.evaluateView(new EventView(event));
  }

  /**
   * As `evaluate`, sharing one view (and its per-event caches) between rules. With `explain` false a match
   * comes without its selections (an empty list): for callers that only need to know which rule matched,
   * as building the explanation reads every field of the rule a second time.
   */
  evaluateView(view: EventView, explain = true): SigmaMatch | null {
    if (!this.holds(view)) return null;
    return explain ? this.explain(view) : this.unexplained;
  }

  test(view: EventView): boolean {
    return this.holds(view);
  }

  /** The explanation is built only for matches, so its cost is off the per-event path. */
  private explain(view: EventView): SigmaMatch {
    const selections: SelectionMatch[] = [];
    for (const [name, search] of this.explained) {
      const fields = search.explain(view);
      if (fields) selections.push({ name, fields });
    }
    return { rule: this.rule, selections };
  }
}
