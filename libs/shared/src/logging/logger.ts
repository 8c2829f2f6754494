import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';

/**
 * Fields that may carry secrets or personal data. Raw log lines (`event.original`) hold both: user
 * names, IPs and sometimes passwords typed into the user field, so they never reach our own logs.
 */
const REDACTED_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'accessToken',
  'refreshToken',
  'apiKey',
  '*.apiKey',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'headers["x-api-key"]',
  'databaseUrl',
  'raw',
  '*.raw',
  'original',
  'event.original',
];

export type SocLogger = Logger;

export function createLogger(level: string, destination?: pino.DestinationStream): SocLogger {
  return pino(
    {
      level,
      base: { service: 'soc' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}

/** Removes the password from a connection URL before it is logged or shown. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '[unparseable url]';
  }
}

/** Routes Nest's own log calls into pino as structured records with the class name as context. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: SocLogger) {}

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  error(message: unknown, traceOrContext?: string, context?: string): void {
    const ctx = context ?? traceOrContext;
    const stack = context ? traceOrContext : undefined;
    // Nest's exception handler passes the Error itself: keep its message and stack, not "{}".
    if (message instanceof Error) this.logger.error({ context: ctx, err: message }, message.message);
    else this.logger.error({ context: ctx, stack }, stringify(message));
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }
  fatal(message: unknown, context?: string): void {
    this.write('fatal', message, context);
  }

  private write(level: 'info' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, context?: string): void {
    if (typeof message === 'object' && message !== null) {
      this.logger[level]({ context, ...message });
    } else {
      this.logger[level]({ context }, stringify(message));
    }
  }
}

function stringify(message: unknown): string {
  return typeof message === 'string' ? message : JSON.stringify(message);
}

export const SOC_LOGGER = Symbol('SOC_LOGGER');
