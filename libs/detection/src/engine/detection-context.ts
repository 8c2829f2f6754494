import type { SecurityEvent } from '@soc/parsers';
import type { Severity } from '../content/rule-info';

/** One threat-intel hit as the intel index reports it (structurally `IntelHit` of @soc/intel). */
export interface IntelHitLike {
  indicator: { listId: string; listName: string; type: string; value: string; severity: Severity; description: string | null };
  field: string;
  value: string;
}

/** The threat-intel index, as detection needs it. */
export interface IntelMatcher {
  matches(event: SecurityEvent, now: Date): readonly IntelHitLike[];
}

/** An analyst's allow-list entry: this rule does not alert where `field` holds one of `values` (until it expires). */
export interface RuleException {
  id: string;
  ruleId: string;
  /** null: every agency. */
  agencyId: string | null;
  field: string;
  values: readonly string[];
  expiresAt: Date | null;
  author: string;
  reason: string;
}

/** What a batch is evaluated against besides the rules: the present, threat intel, exceptions, per-agency switches. */
export interface DetectionContext {
  /** Wall-clock time: expires exceptions and indicators, and bounds how far in the future an event may claim to be. */
  now: Date;
  intel?: IntelMatcher;
  exceptions?: readonly RuleException[];
  /** False when the rule is switched off for the agency (or everywhere). */
  isEnabled?: (ruleId: string, agencyId: string | null) => boolean;
}
