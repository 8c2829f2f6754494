/** Why a correlation document did not load or a correlation rule did not compile. Returned, never thrown. */
export type CorrelationReasonCode =
  | 'yaml-syntax'
  | 'invalid-document'
  | 'missing-identity'
  | 'invalid-field'
  | 'unsupported-type'
  | 'invalid-timespan'
  | 'invalid-condition'
  | 'unsupported-condition'
  | 'invalid-aliases'
  // Compile time: the rule is valid on its own but not in this rule set.
  | 'duplicate-rule'
  | 'unknown-rule-reference'
  | 'ambiguous-rule-reference'
  | 'reference-cycle'
  | 'depends-on-rejected-rule'
  /** A defect of ours, caught so that one document cannot stop a whole load. */
  | 'internal-error';

export interface CorrelationReason {
  code: CorrelationReasonCode;
  /** Human-readable and stable enough to group by. */
  message: string;
}

export const reason = (code: CorrelationReasonCode, message: string): CorrelationReason => ({ code, message });
