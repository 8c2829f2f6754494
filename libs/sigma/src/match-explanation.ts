import { SigmaRule } from './sigma-rule';

/** One field of a selection that held for the event. */
export interface FieldMatch {
  /** The Sigma field name; null for keywords. */
  field: string | null;
  modifiers: readonly string[];
  /** The event path the value was read from. */
  path: string;
  /** The event's value there (null: absent, for `null` and `exists: false` tests). */
  value: string | null;
  /** The rule values that matched, as the rule wrote them. */
  expected: readonly string[];
}

/** A search identifier of the condition that held, on which fields. */
export interface SelectionMatch {
  name: string;
  fields: readonly FieldMatch[];
}

/**
 * Why a rule matched an event. `rule` carries title, level, tags and author: the Detection Rule
 * License requires the author to stay visible wherever a match is shown.
 */
export interface SigmaMatch {
  rule: SigmaRule;
  /** Search identifiers that held and count towards the match (not those under a `not`). */
  selections: readonly SelectionMatch[];
}
