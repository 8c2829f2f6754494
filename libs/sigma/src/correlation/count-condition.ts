import { CountCondition } from './correlation-rule';
import { CorrelationReason, reason } from './correlation-reason';

const OPERATORS = ['gt', 'gte', 'lt', 'lte', 'eq'] as const;
type Operator = (typeof OPERATORS)[number];

/** The condition as an inclusive integer range: every Sigma comparison is one. */
export interface CountRange {
  min: number;
  /** Infinity when unbounded above. */
  max: number;
}

/**
 * Validates the comparison part of a `condition` map (`field` is read by the loader). Rejects empty,
 * contradictory (`gt: 5, lt: 3`) and non-integer conditions instead of letting them never match.
 */
export function parseCountCondition(raw: Readonly<Record<string, unknown>>): { ok: true; condition: CountCondition } | { ok: false; reason: CorrelationReason } {
  const condition: CountCondition = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'field') continue;
    if (!(OPERATORS as readonly string[]).includes(key)) {
      return { ok: false, reason: reason('unsupported-condition', `condition operator '${key}' is not one of gt, gte, lt, lte, eq`) };
    }
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      return { ok: false, reason: reason('invalid-condition', `condition '${key}' must be a non-negative integer`) };
    }
    condition[key as Operator] = value;
  }
  if (Object.keys(condition).length === 0) return { ok: false, reason: reason('invalid-condition', 'condition has no comparison (gt, gte, lt, lte, eq)') };
  if (condition.eq !== undefined && Object.keys(condition).length > 1) {
    return { ok: false, reason: reason('invalid-condition', 'eq cannot be combined with other comparisons') };
  }
  if ((condition.gt !== undefined && condition.gte !== undefined) || (condition.lt !== undefined && condition.lte !== undefined)) {
    return { ok: false, reason: reason('invalid-condition', 'condition has two lower or two upper bounds') };
  }
  const range = countRange(condition);
  if (range.min > range.max) return { ok: false, reason: reason('invalid-condition', 'condition can never be met (empty range)') };
  return { ok: true, condition };
}

export function countRange(condition: CountCondition): CountRange {
  if (condition.eq !== undefined) return { min: condition.eq, max: condition.eq };
  const min = condition.gte ?? (condition.gt === undefined ? 0 : condition.gt + 1);
  const max = condition.lte ?? (condition.lt === undefined ? Infinity : condition.lt - 1);
  return { min, max };
}

/**
 * Only a lower bound: once the measure reaches it, more events cannot undo the match, so the match is
 * certain as soon as it is reached and a sliding window can report it then. Upper bounds and `eq` need
 * the whole window first.
 */
export function isMonotonic(range: CountRange): boolean {
  return range.max === Infinity;
}

export function describeCondition(condition: CountCondition): string {
  return OPERATORS.filter((op) => condition[op] !== undefined)
    .map((op) => `${op} ${condition[op]}`)
    .join(' and ');
}
