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
} as const;

export const TEMPLATE_DATABASE = 'soc_test_template';

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
