import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { assertUnreachable, ErrorCode, SocError } from '@soc/shared';

export function httpStatusOf(code: ErrorCode): HttpStatus {
  switch (code) {
    case ErrorCode.ValidationFailed:
    case ErrorCode.ParseFailed:
      return HttpStatus.BAD_REQUEST;
    case ErrorCode.NotFound:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.Unauthenticated:
      return HttpStatus.UNAUTHORIZED;
    case ErrorCode.Forbidden:
      return HttpStatus.FORBIDDEN;
    case ErrorCode.Conflict:
      return HttpStatus.CONFLICT;
    case ErrorCode.RateLimited:
      return HttpStatus.TOO_MANY_REQUESTS;
    case ErrorCode.PayloadTooLarge:
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case ErrorCode.UnsupportedMediaType:
      return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    case ErrorCode.TransportUnavailable:
    case ErrorCode.DatabaseUnavailable:
      return HttpStatus.SERVICE_UNAVAILABLE;
    case ErrorCode.ConfigInvalid:
      return HttpStatus.INTERNAL_SERVER_ERROR;
    default:
      return assertUnreachable(code);
  }
}

/** Maps coded domain errors to HTTP; the body names the code so clients can branch on it. */
@Catch(SocError)
export class SocErrorFilter implements ExceptionFilter {
  catch(error: SocError, host: ArgumentsHost): void {
    const status = httpStatusOf(error.code);
    const response = host.switchToHttp().getResponse<Response>();
    const retryAfterMs = error.details?.retryAfterMs;
    if (typeof retryAfterMs === 'number') response.setHeader('Retry-After', String(Math.ceil(retryAfterMs / 1000)));
    response.status(status).json({ statusCode: status, error: error.code, message: error.message });
  }
}
