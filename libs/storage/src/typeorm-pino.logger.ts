import { Logger as TypeOrmLogger } from 'typeorm';
import { SocLogger } from '@soc/shared';

/**
 * TypeORM's messages as structured records. Query parameters are never logged: they carry raw log
 * lines, user names and addresses.
 */
export class TypeOrmPinoLogger implements TypeOrmLogger {
  constructor(private readonly logger: SocLogger) {}

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    this.logger.debug({ err: error, query: truncate(query) }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, query: truncate(query) }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.info(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    this.logger[level === 'warn' ? 'warn' : 'debug']({ component: 'typeorm' }, String(message));
  }
}

const truncate = (query: string) => (query.length > 300 ? `${query.slice(0, 300)}…` : query);
