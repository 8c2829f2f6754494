import { ErrorCode } from './error-code';

/** A domain failure with a stable code; never an HTTP type, so Kafka handlers and the CLI can use it too. */
export class SocError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'SocError';
  }
}

export function assertUnreachable(value: never): never {
  throw new Error(`Unreachable value: ${JSON.stringify(value)}`);
}
