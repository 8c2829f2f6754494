import { createLogger, loadConfig, redactUrl } from '@soc/shared';
import { migrateDatabase } from '@soc/storage';
import { MIGRATIONS } from '../../../../migrations';
import { CliCommand, CliIo } from '../cli-io';
import { withDatabase } from '../with-database';

/** Applies pending migrations to DATABASE_URL, or to the embedded database under SOC_DATA_DIR. */
export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'Apply pending database migrations (the server also does this at start)',
  usage: 'migrate',
  run(_args: string[], io: CliIo): Promise<number> {
    const config = loadConfig(io.env);
    return withDatabase(config, createLogger('warn'), async (url) => {
      const applied = await migrateDatabase(url, MIGRATIONS);
      io.stdout.write(`${redactUrl(url)}: ${applied.length ? `applied ${applied.join(', ')}` : 'schema up to date'}\n`);
      return 0;
    });
  },
};
