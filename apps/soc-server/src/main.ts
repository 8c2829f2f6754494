import 'reflect-metadata';
import { join } from 'node:path';
import { createLogger, loadConfig, redactUrl, SocError } from '@soc/shared';
import { EmbeddedPostgresServer } from '@soc/storage';
import { createSocApp } from './create-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);

  let embedded: EmbeddedPostgresServer | undefined;
  let databaseUrl = config.database.url;
  if (!databaseUrl) {
    embedded = new EmbeddedPostgresServer({
      dir: join(config.dataDir, 'postgres'),
      port: config.database.embeddedPort,
      database: 'soc',
      logger,
    });
    databaseUrl = await embedded.start();
  }
  logger.info(
    { database: redactUrl(databaseUrl), transport: config.kafka ? 'kafka' : 'in-process', roles: [...config.roles] },
    'starting SOC server',
  );

  const app = await createSocApp({ config, databaseUrl, logger }).catch(async (error: unknown) => {
    await embedded?.stop();
    throw error;
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.close().catch((error: unknown) => logger.error({ err: error }, 'error while closing the app'));
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen(config.http.port, config.http.host);
  logger.info({ url: `http://${config.http.host}:${config.http.port}`, docs: '/api/docs', liveFeed: '/ws' }, 'SOC server listening');
}

main().catch((error: unknown) => {
  const message = error instanceof SocError ? `${error.code}: ${error.message}` : String((error as Error)?.stack ?? error);
  process.stderr.write(`SOC server failed to start: ${message}\n`);
  process.exit(1);
});
