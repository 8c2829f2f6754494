// The correlation library's public surface; everything else in this folder is internal.
export { CORRELATION_LEVELS, CORRELATION_TYPES, correlationRuleId } from './correlation-rule';
export type { CorrelationAliases, CorrelationLevel, CorrelationRule, CorrelationType, CountCondition } from './correlation-rule';
export type { CorrelationReason, CorrelationReasonCode } from './correlation-reason';
export { loadCorrelationText, parseCorrelationDocument } from './correlation-loader';
export type { CorrelationLoadIssue, CorrelationLoadResult, CorrelationParseResult } from './correlation-loader';
export { DEFAULT_CORRELATION_OPTIONS } from './correlation-io';
export type {
  CorrelationEngineOptions,
  CorrelationEngineStats,
  CorrelationHealthEvent,
  CorrelationInput,
  CorrelationMatch,
  CorrelationMatchChange,
  CorrelationOutput,
  CorrelationRuleStats,
} from './correlation-io';
export { planCorrelations } from './correlation-compiler';
export type { CompiledCorrelation, CompiledReference, CorrelationPlan, CorrelationRejection, DetectionRuleRef, EvaluationMode } from './correlation-compiler';
export { CorrelationEngine, compileCorrelations } from './correlation-engine';
export type { RestoreResult } from './correlation-engine';
export type { CorrelationEngineSnapshot, GroupSnapshot, RuleCounters, RuleStateSnapshot, TimerEntry } from './correlation-snapshot';
export type { WindowSnapshot } from './correlation-window';
export type { MatchSnapshot } from './open-match';
export type { PendingItem } from './pending-item';
