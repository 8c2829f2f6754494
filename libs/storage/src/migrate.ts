import { DataSource, MixedList } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** Arbitrary constant shared by every node: one migrates, the others wait and then find nothing to do. */
const MIGRATION_LOCK_KEY = 7_201_001;

/** Runs pending migrations while holding a PostgreSQL advisory lock, so concurrent starts are safe. */
export async function migrateWithLock(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

/** Migrates the database at `url` on a short-lived connection (CLI, test setup); returns the names applied. */
export async function migrateDatabase(url: string, migrations: MixedList<Function>): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions({ url, poolSize: 2, entities: [], migrations }));
  await dataSource.initialize();
  try {
    return await migrateWithLock(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
