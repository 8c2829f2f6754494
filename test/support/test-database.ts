import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { TEST_DB_PREFIX, TEST_ENV, withDatabase } from './test-env';

export interface TestDatabase {
  url: string;
  /** Runs SQL directly, for assertions the API does not expose. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file: a clone of the template globalSetup migrated. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env[TEST_ENV.pgServerUrl];
  const template = process.env[TEST_ENV.templateDatabase];
  if (!serverUrl || !template) throw new Error('test database environment missing: run tests through jest (globalSetup)');
  const name = `${TEST_DB_PREFIX}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();

  const url = withDatabase(serverUrl, name);
  const client = new Client({ connectionString: url });
  await client.connect();
  return {
    url,
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    drop: async () => {
      await client.end();
      const dropper = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
