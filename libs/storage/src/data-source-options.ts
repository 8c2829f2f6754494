import { DataSourceOptions, MixedList } from 'typeorm';
import { SocLogger } from '@soc/shared';
import { TypeOrmPinoLogger } from './typeorm-pino.logger';

export interface DatabaseSettings {
  url: string;
  poolSize: number;
  entities: MixedList<Function>;
  migrations: MixedList<Function>;
  /** Where TypeORM's own messages go; without one it stays silent (CLI, test setup). */
  logger?: SocLogger;
}

/** The one place that turns our settings into TypeORM's; the app, the CLI and the tests share it. */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: settings.entities,
    migrations: settings.migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    // Failed queries surface as errors to the caller (which logs them with context), so TypeORM itself
    // reports only slow queries and migrations.
    logging: settings.logger ? ['warn', 'migration'] : false,
    logger: settings.logger ? new TypeOrmPinoLogger(settings.logger) : undefined,
    maxQueryExecutionTime: 2000,
    extra: { max: settings.poolSize, application_name: 'soc' },
  };
}
