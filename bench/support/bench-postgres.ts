import { join } from 'node:path';
import pino from 'pino';
import { Client } from 'pg';
import { createLogger, redactUrl } from '@soc/shared';
import { EmbeddedPostgresServer, migrateDatabase } from '@soc/storage';
import { MIGRATIONS } from '../../migrations';
import { Cleanup } from './cleanup';

export interface PostgresSite {
  /** A server URL; the database part is replaced per bench database. */
  serverUrl: string;
  origin: string;
  version: string;
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** `DATABASE_URL`'s server, else an embedded PostgreSQL in ./data/bench-postgres on port 54349 (stopped at the end). */
export async function findPostgres(root: string, cleanup: Cleanup): Promise<PostgresSite> {
  const configured = process.env.DATABASE_URL?.trim();
  let serverUrl: string;
  let origin: string;
  if (configured) {
    serverUrl = configured;
    origin = `DATABASE_URL ${redactUrl(configured)}`;
  } else {
    const dir = join(root, 'data', 'bench-postgres');
    const server = new EmbeddedPostgresServer({ dir, port: 54349, database: 'postgres', logger: createLogger('warn', pino.destination(2)) });
    cleanup.add('stop the embedded PostgreSQL', () => server.stop());
    serverUrl = await server.start();
    origin = `embedded in ${dir} on port 54349, stopped at the end`;
  }
  const version = await withAdmin(serverUrl, async (admin) => {
    const rows = await admin.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
    return rows.rows[0]!.v;
  }).catch((error: unknown) => {
    throw new Error(`PostgreSQL at ${redactUrl(serverUrl)} does not answer: ${(error as Error).message}`);
  });
  return { serverUrl, origin, version };
}

/** Creates a database, migrates it with the app's migrations, and registers its drop. Returns its URL. */
export async function createBenchDatabase(serverUrl: string, name: string, cleanup: Cleanup): Promise<string> {
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}" ENCODING 'UTF8'`));
  cleanup.add(`drop database ${name}`, () => withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));
  const url = withDatabase(serverUrl, name);
  await migrateDatabase(url, MIGRATIONS);
  return url;
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'soc-bench' });
  // A connection lost mid-run (e.g. its database force-dropped on Ctrl-C) fails the pending query;
  // without a listener it would also crash the process before the cleanup finishes.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const withAdmin = <T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> => withClient(withDatabase(serverUrl, 'postgres'), work);
