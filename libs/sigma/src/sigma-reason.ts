/** Why a document did not load or a rule did not compile. Never thrown out of the library's entry points. */
export type SigmaReasonCode =
  | 'yaml-syntax'
  | 'invalid-document'
  | 'unsupported-document'
  | 'unsupported-modifier'
  | 'invalid-modifiers'
  | 'invalid-value'
  | 'invalid-regex'
  | 'unknown-placeholder'
  | 'condition-syntax'
  | 'unsupported-condition'
  | 'unknown-search-identifier'
  | 'invalid-filter'
  /** A defect of ours, caught so that one rule cannot stop a whole load. */
  | 'internal-error';

export interface SigmaReason {
  code: SigmaReasonCode;
  /** Human-readable and stable enough to group by, e.g. `unsupported modifier 'x'`. */
  message: string;
}

/**
 * Thrown inside the compiler where a construct cannot be compiled, caught at the boundary of one
 * search identifier or condition and turned into a reason, so one rule can report several.
 */
export class SigmaUnsupported extends Error {
  constructor(readonly reason: SigmaReason) {
    super(reason.message);
  }
}

export function unsupported(code: SigmaReasonCode, message: string): SigmaUnsupported {
  return new SigmaUnsupported({ code, message });
}

/** Runs `compile`, turning a SigmaUnsupported into a reason; other errors are bugs and propagate. */
export function collectReason<T>(reasons: SigmaReason[], compile: () => T): T | undefined {
  try {
    return compile();
  } catch (error) {
    if (error instanceof SigmaUnsupported) {
      reasons.push(error.reason);
      return undefined;
    }
    throw error;
  }
}
