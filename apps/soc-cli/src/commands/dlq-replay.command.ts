import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { DeadLetterReplay, DeadLetterReplayModule } from '@soc/ingest';
import { ObservabilityModule } from '@soc/observability';
import { CoreModule, createLogger, loadConfig, NestPinoLogger, systemClock } from '@soc/shared';
import { DatabaseModule } from '@soc/storage';
import { MIGRATIONS } from '../../../../migrations';
import { CliCommand, CliIo, CliUsageError } from '../cli-io';
import { withDatabase } from '../with-database';

/** Re-reads dead letters with today's parsers; recovered records become searchable events. */
export const dlqReplayCommand: CliCommand = {
  name: 'dlq',
  summary: 'dlq replay: re-parse dead letters after a parser fix (recovered ones become events)',
  usage: 'dlq replay [--source <id>] [--limit <n>]',
  run(args: string[], io: CliIo): Promise<number> {
    const [sub, ...rest] = args;
    if (sub !== 'replay') throw new CliUsageError('expected "dlq replay"');
    const { values } = parseArgs({ args: rest, options: { source: { type: 'string' }, limit: { type: 'string' } }, strict: true });
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new CliUsageError('--limit takes a positive whole number');
    const config = loadConfig(io.env);
    const logger = createLogger('warn');
    return withDatabase(config, logger, async (url) => {
      @Module({
        imports: [
          CoreModule.forRoot(config, logger, systemClock),
          ObservabilityModule,
          DatabaseModule.forRoot({ url, poolSize: 4, entities: [], migrations: MIGRATIONS }),
          DeadLetterReplayModule,
        ],
      })
      class DlqReplayCliModule {}
      const context = await NestFactory.createApplicationContext(DlqReplayCliModule, { logger: new NestPinoLogger(logger) });
      try {
        const report = await context.get(DeadLetterReplay).replay({ sourceId: values.source, limit });
        io.stdout.write(`${JSON.stringify(report)}\n`);
        io.stderr.write(`dlq replay: examined ${report.examined}, recovered ${report.recovered}, still failing ${report.stillFailing}\n`);
        return 0;
      } finally {
        await context.close();
      }
    });
  },
};
