import './register-aliases';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { createLogger } from '@soc/shared';
import { EmbeddedPostgresServer, migrateDatabase } from '@soc/storage';
import { probeKafka } from '@soc/transport';
import { MIGRATIONS } from '../../migrations';
import { TEMPLATE_DATABASE, TEST_DB_PREFIX, TEST_ENV, withDatabase } from './test-env';

const ROOT = join(__dirname, '..', '..');
const state = globalThis as { socTestEmbeddedPg?: EmbeddedPostgresServer; socTestKafkaStarted?: boolean };

/**
 * Prepares the real services the tests use:
 * - PostgreSQL: `DATABASE_URL`'s server, else an embedded one under ./data/test-postgres; a template
 *   database is migrated once and each test file clones it (`createTestDatabase`).
 * - Kafka: `KAFKA_BROKERS`, else the local broker from deploy/kafka when Java and Maven are present.
 *   When neither works, Kafka tests are skipped with the reason, unless `KAFKA_REQUIRED=1`.
 */
export default async function globalSetup(): Promise<void> {
  process.env[TEST_ENV.runId] = `${process.pid}-${Date.now()}`;
  const serverUrl = process.env.DATABASE_URL ?? (await startEmbeddedPostgres());
  await migrateTemplate(serverUrl);
  process.env[TEST_ENV.pgServerUrl] = serverUrl;
  process.env[TEST_ENV.templateDatabase] = TEMPLATE_DATABASE;

  const kafka = await findKafka();
  if (kafka.brokers) {
    process.env[TEST_ENV.kafkaBrokers] = kafka.brokers;
  } else {
    if (process.env.KAFKA_REQUIRED === '1') throw new Error(`KAFKA_REQUIRED=1 but no Kafka broker: ${kafka.skipReason}`);
    process.env[TEST_ENV.kafkaSkipReason] = kafka.skipReason;
    process.stderr.write(`\nKafka tests will be SKIPPED: ${kafka.skipReason}\n`);
  }
}

async function startEmbeddedPostgres(): Promise<string> {
  const server = new EmbeddedPostgresServer({
    dir: join(ROOT, 'data', 'test-postgres'),
    port: 54339,
    database: 'postgres',
    unsafeFast: true,
    logger: createLogger('warn'),
  });
  const url = await server.start();
  state.socTestEmbeddedPg = server;
  return url;
}

async function migrateTemplate(serverUrl: string): Promise<void> {
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    // Leftovers of an interrupted run: databases cloned by test files that never dropped them.
    const stale = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${TEST_DB_PREFIX}\\_%`]);
    for (const { datname } of stale.rows as Array<{ datname: string }>) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE} ENCODING 'UTF8'`);
  } finally {
    await admin.end();
  }
  await migrateDatabase(withDatabase(serverUrl, TEMPLATE_DATABASE), MIGRATIONS);
}

async function findKafka(): Promise<{ brokers?: string; skipReason: string }> {
  const configured = process.env.KAFKA_BROKERS;
  if (configured) {
    const problem = await probeKafka(configured.split(','));
    return problem ? { skipReason: `KAFKA_BROKERS=${configured} is not reachable: ${problem}` } : { brokers: configured, skipReason: '' };
  }
  const local = `127.0.0.1:${process.env.KAFKA_PORT ?? '9092'}`;
  // A broker already running (e.g. from `npm run kafka:start`) is used and left running.
  if ((await probeKafka([local])) === undefined) return { brokers: local, skipReason: '' };
  const missing = ['java', 'mvn'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
  if (missing.length > 0) return { skipReason: `KAFKA_BROKERS is not set and ${missing.join(', ')} not found to start deploy/kafka` };
  const started = spawnSync(join(ROOT, 'deploy', 'kafka', 'start.sh'), { encoding: 'utf8', timeout: 180_000 });
  if (started.status !== 0) {
    return { skipReason: `deploy/kafka/start.sh failed: ${(started.stderr || started.stdout).trim().split('\n').slice(-5).join(' | ')}` };
  }
  state.socTestKafkaStarted = true;
  const problem = await probeKafka([local]);
  return problem ? { skipReason: `local broker started but not reachable: ${problem}` } : { brokers: local, skipReason: '' };
}
