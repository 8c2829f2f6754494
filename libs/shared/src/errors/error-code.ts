/**
 * Every failure the SOC reports to a caller or a dead-letter store carries one of these codes.
 * Transports (HTTP filter, Kafka/DLQ handler) map them exhaustively; see `httpStatusOf`.
 */
export enum ErrorCode {
  ConfigInvalid = 'CONFIG_INVALID',
  ValidationFailed = 'VALIDATION_FAILED',
  NotFound = 'NOT_FOUND',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  Conflict = 'CONFLICT',
  RateLimited = 'RATE_LIMITED',
  ParseFailed = 'PARSE_FAILED',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  TransportUnavailable = 'TRANSPORT_UNAVAILABLE',
  DatabaseUnavailable = 'DATABASE_UNAVAILABLE',
}
