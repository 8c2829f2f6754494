import { join } from 'node:path';
import { AddressInfo } from 'node:net';
import { NestExpressApplication } from '@nestjs/platform-express';
import { type Clock, createLogger, loadConfig } from '@soc/shared';
import { createSocApp } from '../../apps/soc-server/src/create-app';

/** Bootstrap secrets every test app starts with (the first-start service creates `admin` and source `bootstrap`). */
export const TEST_ADMIN_PASSWORD = 'correct-Horse-battery-42';
export const TEST_INGEST_KEY = 'soc_test-bootstrap-ingest-key-0123456789abcdef';
const TEST_JWT_SECRET = 'test-jwt-secret-that-is-long-enough-0123456789';

export interface ApiCall {
  method?: string;
  token?: string;
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface TestApp {
  app: NestExpressApplication;
  baseUrl: string;
  wsUrl: string;
  /** Calls the API; `body` is sent as JSON unless `contentType` says otherwise. */
  call(path: string, call?: ApiCall): Promise<Response>;
  /** Logs in and returns the access token. */
  login(username: string, password: string): Promise<string>;
  adminToken(): Promise<string>;
  /** Posts raw lines to /api/v1/ingest with a source's key (the bootstrap source's by default). */
  ingest(lines: string[], apiKey?: string): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The real app on an ephemeral port, configured through the same `loadConfig` as production.
 * `env` holds the variables to set (e.g. KAFKA_BROKERS, SOC_ROLES).
 */
export async function startTestApp(databaseUrl: string, env: Record<string, string> = {}, clock?: Clock): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    SOC_JWT_SECRET: TEST_JWT_SECRET,
    SOC_BOOTSTRAP_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    SOC_BOOTSTRAP_INGEST_KEY: TEST_INGEST_KEY,
    // A system-chosen port, so test files can run in parallel.
    SYSLOG_PORT: '0',
    SYSLOG_HOST: '127.0.0.1',
    // A pinned ruleset (links to the bundled SSH rules), so tests of the pipeline do not change as the ruleset grows.
    SOC_RULES_DIR: join(__dirname, 'rules'),
    // No lateness budget: correlations judge each batch at once, so tests see alerts as soon as ingest answers.
    SOC_DETECTION_LATENESS_MS: '0',
    ...env,
  });
  const app = await createSocApp({ config, databaseUrl, logger: createLogger(config.logLevel), clock });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  const call = (path: string, { method = 'GET', token, body, contentType, headers = {} }: ApiCall = {}) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'Content-Type': contentType ?? 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  const login = async (username: string, password: string) => {
    const res = await call('/api/v1/auth/login', { method: 'POST', body: { username, password } });
    if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { accessToken: string }).accessToken;
  };
  let admin: string | undefined;
  return {
    app,
    baseUrl,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    call,
    login,
    adminToken: async () => (admin ??= await login('admin', TEST_ADMIN_PASSWORD)),
    ingest: (lines, apiKey = TEST_INGEST_KEY) =>
      call('/api/v1/ingest', { method: 'POST', token: apiKey, body: lines.join('\n'), contentType: 'text/plain' }),
    close: () => app.close(),
  };
}
