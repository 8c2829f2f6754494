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

/** A one-line description of anything thrown, for messages; libraries sometimes reject with undefined. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  if (error === undefined || error === null) return 'no error detail (the process exited)';
  return JSON.stringify(error) ?? 'unknown error';
}

export function assertUnreachable(value: never): never {
  throw new Error(`Unreachable value: ${JSON.stringify(value)}`);
}
