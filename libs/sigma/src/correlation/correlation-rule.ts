/**
 * A Sigma correlation rule as validated by the loader: plain data, independent of the detection-rule
 * library. Field names follow the Sigma correlation specification (v2.x), with `group-by` as `groupBy`
 * and the timespan already converted to milliseconds.
 */

export const CORRELATION_TYPES = ['event_count', 'value_count', 'temporal', 'temporal_ordered'] as const;
export type CorrelationType = (typeof CORRELATION_TYPES)[number];

export const CORRELATION_LEVELS = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export type CorrelationLevel = (typeof CORRELATION_LEVELS)[number];

/**
 * The comparison a correlation's measure must pass (event count, distinct values, or distinct rules).
 * Several bounds are a conjunction (`gt: 100` + `lte: 200` is the range 101..200).
 */
export interface CountCondition {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
  eq?: number;
}

/** `aliases`: alias name → (referenced rule id or name → the field that holds the alias in that rule's events). */
export type CorrelationAliases = Readonly<Record<string, Readonly<Record<string, string>>>>;

export interface CorrelationRule {
  title: string;
  /** At least one of `id` and `name` is present: matches need a stable identity and chains a reference. */
  id?: string;
  name?: string;
  status?: string;
  description?: string;
  author?: string;
  /** Absent when the document leaves it out; matches then report `medium`. */
  level?: CorrelationLevel;
  tags: readonly string[];
  type: CorrelationType;
  /** Ids or names of detection rules or other correlation rules, as written. */
  rules: readonly string[];
  /** Empty: one group for all events. */
  groupBy: readonly string[];
  timespanMs: number;
  /** The timespan as written (`5m`), for explanations. */
  timespan: string;
  /**
   * Always present after loading: temporal types without a condition get `gte: <number of rules>`
   * (every referenced rule must be seen), as the specification's default.
   */
  condition: CountCondition;
  /** value_count only: the field(s) whose distinct values are counted; several fields count distinct tuples. */
  valueFields?: readonly string[];
  aliases: CorrelationAliases;
  /** Whether the referenced rules should still alert on their own (the specification's default: false). */
  generate: boolean;
}

/** The identity a correlation's matches and references use: its id, else its name. */
export function correlationRuleId(rule: Pick<CorrelationRule, 'id' | 'name'>): string {
  return rule.id ?? rule.name ?? '';
}
