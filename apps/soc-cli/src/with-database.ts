import { join } from 'node:path';
import type { SocConfig, SocLogger } from '@soc/shared';
import { EmbeddedPostgresServer } from '@soc/storage';

/** Runs `work` against DATABASE_URL, or against the embedded database under SOC_DATA_DIR (started and stopped here). */
export async function withDatabase<T>(config: SocConfig, logger: SocLogger, work: (url: string) => Promise<T>): Promise<T> {
  if (config.database.url) return work(config.database.url);
  const embedded = new EmbeddedPostgresServer({ dir: join(config.dataDir, 'postgres'), port: config.database.embeddedPort, database: 'soc', logger });
  try {
    return await work(await embedded.start());
  } finally {
    await embedded.stop();
  }
}
