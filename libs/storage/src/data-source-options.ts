import { DataSourceOptions, MixedList } from 'typeorm';

export interface DatabaseSettings {
  url: string;
  poolSize: number;
  entities: MixedList<Function>;
  migrations: MixedList<Function>;
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
    logging: ['error'],
    extra: { max: settings.poolSize, application_name: 'soc' },
  };
}
