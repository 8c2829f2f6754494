import { AddressInfo } from 'node:net';
import { NestExpressApplication } from '@nestjs/platform-express';
import { type Clock, createLogger, loadConfig } from '@soc/shared';
import { createSocApp } from '../../apps/soc-server/src/create-app';

export interface TestApp {
  app: NestExpressApplication;
  baseUrl: string;
  wsUrl: string;
  close(): Promise<void>;
}

/**
 * The real app on an ephemeral port, configured through the same `loadConfig` as production.
 * `env` holds the variables to set (e.g. KAFKA_BROKERS, SOC_ROLES).
 */
export async function startTestApp(databaseUrl: string, env: Record<string, string> = {}, clock?: Clock): Promise<TestApp> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', PORT: '0', ...env });
  const app = await createSocApp({ config, databaseUrl, logger: createLogger(config.logLevel), clock });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    close: () => app.close(),
  };
}
