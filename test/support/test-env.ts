/**
 * What globalSetup found or started, passed to test files through environment variables
 * (jest workers inherit the parent's environment).
 */
export const TEST_ENV = {
  /** Server URL (database part ignored) of the PostgreSQL used by the tests. */
  pgServerUrl: 'SOC_TEST_PG_SERVER_URL',
  templateDatabase: 'SOC_TEST_TEMPLATE_DB',
  kafkaBrokers: 'SOC_TEST_KAFKA_BROKERS',
  kafkaSkipReason: 'SOC_TEST_KAFKA_SKIP_REASON',
  /** One jest run: test files that need dist/ share one build per run. */
  runId: 'SOC_TEST_RUN_ID',
} as const;

/**
 * Prefix of every database a test run creates, so two runs on one server (e.g. two checkouts) do not
 * drop each other's databases: set `SOC_TEST_DB_PREFIX` to keep a run apart (letters, digits, `_`).
 */
export const TEST_DB_PREFIX = testDbPrefix(process.env.SOC_TEST_DB_PREFIX ?? 'soc_test');

export const TEMPLATE_DATABASE = `${TEST_DB_PREFIX}_template`;

function testDbPrefix(value: string): string {
  if (!/^[a-z][a-z0-9_]{0,30}$/.test(value)) throw new Error(`SOC_TEST_DB_PREFIX must be lower-case letters, digits and _ (got ${JSON.stringify(value)})`);
  return value;
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
