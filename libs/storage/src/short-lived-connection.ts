import { DataSource } from 'typeorm';
import { describeError, ErrorCode, redactUrl, SocError } from '@soc/shared';
import { dataSourceOptions } from './data-source-options';

/**
 * Runs `work` on a one-connection data source for `url` that neither migrates nor outlives the call (CLI
 * checks that must not write, e.g. `audit verify`). An unreachable database is `DATABASE_UNAVAILABLE`.
 */
export async function withShortLivedConnection<T>(url: string, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = new DataSource(dataSourceOptions({ url, poolSize: 1, entities: [], migrations: [] }));
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new SocError(ErrorCode.DatabaseUnavailable, `cannot connect to ${redactUrl(url)}: ${describeError(error)}`);
  }
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
