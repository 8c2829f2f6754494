import type { NationalChannelKind } from '@soc/shared';
import type { NationalMessage } from '../payload/national-message';

/**
 * One way to deliver to the national center. `send` resolves only once the receiver accepted the
 * whole batch (then the cursor moves past it); it rejects, ideally with a `DeliveryFailure`, otherwise.
 * A batch may be sent again after a failure or a crash: receivers de-duplicate by `seq`.
 */
export interface NationalChannel {
  readonly kind: Exclude<NationalChannelKind, 'none'>;
  send(messages: readonly NationalMessage[]): Promise<void>;
  close(): Promise<void>;
}

export const DeliveryFailureCode = {
  /** The receiver could not be reached (refused, reset, DNS, broker down). */
  Unreachable: 'NATIONAL_UNREACHABLE',
  /** No answer within `SOC_NATIONAL_TIMEOUT_MS`. */
  Timeout: 'NATIONAL_TIMEOUT',
  /** The receiver answered but did not accept (non-2xx). */
  Rejected: 'NATIONAL_REJECTED',
} as const;
export type DeliveryFailureCode = (typeof DeliveryFailureCode)[keyof typeof DeliveryFailureCode];

/** Why a batch was not accepted; its text is what `last_error` and the status show (never a secret). */
export class DeliveryFailure extends Error {
  constructor(
    readonly code: DeliveryFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'DeliveryFailure';
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

/** Any error as a `DeliveryFailure` (a timeout stays a timeout; the rest is "unreachable"). */
export function asDeliveryFailure(error: unknown): DeliveryFailure {
  if (error instanceof DeliveryFailure) return error;
  const name = (error as { name?: string })?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'TimeoutError' || name === 'AbortError') return new DeliveryFailure(DeliveryFailureCode.Timeout, message);
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return new DeliveryFailure(DeliveryFailureCode.Unreachable, cause?.code ? `${message} (${cause.code})` : message);
}
