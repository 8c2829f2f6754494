import { randomBytes } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AlertsRepository } from '@soc/alerts';
import { CheckpointsRepository, DeadLettersRepository, EventsRepository, IngestPipeline } from '@soc/ingest';
import { OutboxRepository } from '@soc/realtime';
import { createLogger, loadConfig } from '@soc/shared';
import { TransactionRunner } from '@soc/storage';
import type { StreamBatch } from '@soc/transport';
import { createSocApp } from '../../apps/soc-server/src/create-app';
import { withClient } from './bench-postgres';
import { Cleanup } from './cleanup';
import { CpuReading, meterCpu } from './cpu-meter';
import { sleep } from './figures';
import { MethodTimer, StepTiming } from './method-timer';

export interface EndToEndOptions {
  databaseUrl: string;
  brokers: string[];
  topic: string;
  groupId: string;
  partitions: number;
  expected: number;
  logLevel: string;
  stallMs?: number;
  /** Also closes the app if the bench is interrupted while it runs. */
  cleanup?: Cleanup;
}

export interface EndToEndResult {
  /** First batch handed to the pipeline → the commit that made all N records stored. */
  elapsedMs: number;
  /** createSocApp() + listen(). */
  bootMs: number;
  /** app.close() after the records were stored (Kafka consumer leaves its group, pool closes). */
  closeMs: number;
  /** listen() returned → first batch (group join, fetch). */
  firstBatchAfterListenMs: number;
  batchSizes: number[];
  /** Most batches the app had in its handler at once (1 unless the transport runs partitions concurrently). */
  maxConcurrentBatches: number;
  cpu?: CpuReading;
  stored: { events: number; deadLetters: number; alerts: number; outbox: number; stateBytes: number };
  steps: ReadonlyMap<string, StepTiming>;
}

/**
 * The real app (createSocApp, `ingest` role, Kafka transport) on port 0 against `databaseUrl`,
 * consuming the already-filled topic with a new consumer group, timed until the stream checkpoints
 * say all `expected` records are stored. The app's ingest steps are timed from outside (MethodTimer).
 */
export async function measureEndToEnd(options: EndToEndOptions): Promise<EndToEndResult> {
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: options.logLevel,
    PORT: '0',
    HOST: '127.0.0.1',
    SOC_ROLES: 'ingest',
    KAFKA_BROKERS: options.brokers.join(','),
    KAFKA_CLIENT_ID: 'soc-bench',
    KAFKA_TOPIC_RAW: options.topic,
    KAFKA_GROUP_ID: options.groupId,
    KAFKA_TOPIC_PARTITIONS: String(options.partitions),
    // Production mode needs a signing secret; this run serves no API, so a throwaway one will do.
    SOC_JWT_SECRET: randomBytes(32).toString('hex'),
  });
  // The app logs to stderr so that stdout holds only the figures.
  const logger = createLogger(config.logLevel, pino.destination({ dest: 2, sync: true }));

  const bootBegan = performance.now();
  const app = await createSocApp({ config, databaseUrl: options.databaseUrl, logger });
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= app.close());
  options.cleanup?.add('close the app', close);
  let result: Omit<EndToEndResult, 'closeMs'>;
  let closeMs = 0;
  try {
    const timer = instrument(app);
    const pipeline = app.get(IngestPipeline);
    const batchSizes: number[] = [];
    let firstAt = 0;
    let lastDoneAt = 0;
    let inFlight = 0;
    let maxConcurrentBatches = 0;
    let cpu: (() => CpuReading) | undefined;
    const handle = pipeline.handleBatch.bind(pipeline);
    pipeline.handleBatch = async (batch: StreamBatch) => {
      if (firstAt === 0) {
        firstAt = performance.now();
        cpu = meterCpu();
      }
      batchSizes.push(batch.messages.length);
      inFlight += 1;
      maxConcurrentBatches = Math.max(maxConcurrentBatches, inFlight);
      try {
        await handle(batch);
      } finally {
        inFlight -= 1;
        lastDoneAt = performance.now();
      }
    };

    await app.listen(0, '127.0.0.1');
    const listenedAt = performance.now();
    const { port } = app.getHttpServer().address() as AddressInfo;
    if (!port) throw new Error('the app did not get a port');

    let reading: CpuReading | undefined;
    const stored = await withClient(options.databaseUrl, async (client) => {
      const stallMs = options.stallMs ?? 120_000;
      let last = -1;
      let lastMove = performance.now();
      for (;;) {
        const rows = await client.query<{ n: string }>(
          'SELECT coalesce(sum(next_offset), 0)::text AS n FROM stream_checkpoints WHERE stream LIKE $1',
          [`${options.topic}/%`],
        );
        const done = Number(rows.rows[0]!.n);
        if (done === options.expected) break;
        if (done > options.expected) throw new Error(`the checkpoints count ${done} records, more than the ${options.expected} produced`);
        if (done !== last) {
          last = done;
          lastMove = performance.now();
        } else if (performance.now() - lastMove > stallMs) {
          const failures = timer.get('handleBatch')?.errors ?? 0;
          throw new Error(`the app stored no more records for ${stallMs / 1000} s (${done} of ${options.expected}; ${failures} failed batches)`);
        }
        await sleep(50);
      }
      // The last commit is visible; let its handleBatch return so lastDoneAt is its end.
      for (let waited = 0; inFlight > 0 && waited < 5000; waited += 10) await sleep(10);
      reading = cpu?.();
      const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
      return {
        events: await count('SELECT count(*)::text AS n FROM security_events'),
        deadLetters: await count('SELECT count(*)::text AS n FROM dead_letters'),
        alerts: await count('SELECT count(*)::text AS n FROM alerts'),
        outbox: await count('SELECT count(*)::text AS n FROM outbox'),
        stateBytes: await count('SELECT coalesce(sum(octet_length(detection_state)), 0)::text AS n FROM stream_checkpoints'),
      };
    });
    result = {
      elapsedMs: lastDoneAt - firstAt,
      bootMs: listenedAt - bootBegan,
      firstBatchAfterListenMs: firstAt - listenedAt,
      batchSizes,
      maxConcurrentBatches,
      cpu: reading,
      stored,
      steps: timer.steps,
    };
  } finally {
    const closeBegan = performance.now();
    await close();
    closeMs = performance.now() - closeBegan;
  }
  return { ...result, closeMs };
}

/** Times the pipeline's steps on the app's own singletons; a step whose method is gone is just not timed. */
function instrument(app: NestExpressApplication): MethodTimer {
  const timer = new MethodTimer();
  const find = <T>(type: abstract new (...args: never[]) => T): T | undefined => {
    try {
      return app.get<T>(type);
    } catch {
      return undefined;
    }
  };
  const length = (i: number) => (args: unknown[]) => (Array.isArray(args[i]) ? (args[i] as unknown[]).length : 0);
  const pipeline = find(IngestPipeline);
  const checkpoints = find(CheckpointsRepository);
  timer.wrap(pipeline, 'handleBatch', 'handleBatch', (args) => (args[0] as StreamBatch).messages.length);
  timer.wrap(find(TransactionRunner), 'run', 'transaction');
  timer.wrap(pipeline, 'process', 'process');
  timer.wrap(checkpoints, 'lock', 'checkpoint lock');
  timer.wrap(checkpoints, 'loadState', 'state load');
  timer.wrap(find(EventsRepository), 'copy', 'events COPY', length(1));
  timer.wrap(find(DeadLettersRepository), 'insert', 'dead letters', length(1));
  timer.wrap((pipeline as unknown as { detector?: object } | undefined)?.detector, 'evaluate', 'detect', length(0));
  timer.wrap(find(AlertsRepository), 'applyFindings', 'alert upserts', length(1));
  timer.wrap(find(OutboxRepository), 'append', 'outbox', length(1));
  timer.wrap(checkpoints, 'save', 'checkpoint save');
  return timer;
}
