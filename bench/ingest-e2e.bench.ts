import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Kafka } from 'kafkajs';
import { benchKafka, createBenchTopic, findKafka, produceRecords } from './support/bench-kafka';
import { createBenchDatabase, findPostgres } from './support/bench-postgres';
import { Cleanup } from './support/cleanup';
import { measureConsume } from './support/consume-ceiling';
import { measureCopy } from './support/copy-ceiling';
import { describeCpu } from './support/cpu-meter';
import { profiled } from './support/cpu-profile';
import { measureEndToEnd } from './support/end-to-end';
import { buildEventRows } from './support/event-rows';
import { describeSpread, evs, percent, rate, ratio, seconds, spread } from './support/figures';
import { projectRoot } from './support/project-root';
import { runBench } from './support/run-bench';
import { describeSteps } from './support/step-report';
import { sshWorkload } from './support/ssh-workload';

/**
 * Ingest throughput, end to end (Kafka → parse → detect → PostgreSQL), against two ceilings measured
 * in the same run on the same records: a plain kafkajs consumer, and plain COPY into security_events.
 * Prints figures; asserts nothing about them. `npm run bench`; env: BENCH_EVENTS (default 200000), KAFKA_BROKERS,
 * DATABASE_URL (a server: a soc_bench_* database is created and dropped), BENCH_LOG_LEVEL (the app's, to stderr;
 * default warn), BENCH_CPU_PROFILE (a file: CPU profile of the end-to-end stage).
 */
const PARTITIONS = 3;
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

async function main(cleanup: Cleanup): Promise<void> {
  const events = parseEvents(process.env.BENCH_EVENTS);
  const logLevel = process.env.BENCH_LOG_LEVEL ?? 'warn';
  const root = projectRoot();
  const suffix = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const topic = `soc.bench.raw.${suffix}`;
  const began = performance.now();
  const stages: Array<[string, number]> = [];
  let mark = began;
  const stage = (name: string) => {
    const now = performance.now();
    stages.push([name, now - mark]);
    mark = now;
  };

  const kafkaSite = await findKafka(root, cleanup);
  const pgSite = await findPostgres(root, cleanup);
  const kafka: Kafka = benchKafka(kafkaSite.brokers, 'soc-bench');
  const admin = kafka.admin();
  await admin.connect();
  cleanup.add('disconnect the Kafka admin', () => admin.disconnect());
  const groups: string[] = [];
  cleanup.add('delete the consumer groups', () => (groups.length > 0 ? admin.deleteGroups(groups) : Promise.resolve()));
  stage('setup');

  // Input: generated and produced once, read by all three stages.
  const workload = sshWorkload({ events, timeZone: TIME_ZONE });
  await createBenchTopic(admin, topic, PARTITIONS, cleanup);
  const produceBegan = performance.now();
  const perPartition = await produceRecords(kafka, admin, topic, workload.records);
  const produceMs = performance.now() - produceBegan;
  const produced = [...perPartition.values()].reduce((a, b) => a + b, 0);
  if (produced !== events) throw new Error(`topic ${topic} holds ${produced} records, expected ${events}`);
  stage('generate + produce');

  // 1. Ceiling: a plain kafkajs consumer group, eachBatch does nothing.
  const ceilingGroup = `soc-bench-ceiling-${suffix}`;
  groups.push(ceilingGroup);
  const consume = await measureConsume(kafka, topic, ceilingGroup, events);
  const consumeRate = rate(events, consume.elapsedMs);
  const kafkaBatches = spread(consume.batchSizes);
  const batchSize = Math.max(1, Math.round(kafkaBatches.mean));
  stage('consume stage');

  // 2. Ceiling: COPY of the same rows into a freshly migrated database, one transaction per Kafka-sized batch.
  let rows: ReturnType<typeof buildEventRows> | undefined = buildEventRows(workload.records, TIME_ZONE);
  const { parsed, deadLetters, meanDocBytes } = rows;
  const copyUrl = await createBenchDatabase(pgSite.serverUrl, `soc_bench_${suffix}_copy`, cleanup);
  const copy = await measureCopy(copyUrl, rows.rows, batchSize);
  const copyRate = rate(events, copy.elapsedMs);
  rows = undefined; // ~N × 1 kB of strings the app need not share the heap with
  stage('copy stage');

  // 3. End to end: the real app on another freshly migrated database, a new consumer group.
  const e2eUrl = await createBenchDatabase(pgSite.serverUrl, `soc_bench_${suffix}_e2e`, cleanup);
  const appGroup = `soc-bench-app-${suffix}`;
  groups.push(appGroup);
  const e2e = await profiled(process.env.BENCH_CPU_PROFILE, () =>
    measureEndToEnd({
      databaseUrl: e2eUrl,
      brokers: kafkaSite.brokers,
      topic,
      groupId: appGroup,
      partitions: PARTITIONS,
      expected: events,
      logLevel,
      cleanup,
    }),
  );
  const { stored } = e2e;
  if (stored.events !== parsed || stored.deadLetters !== deadLetters) {
    throw new Error(
      `the app stored ${stored.events} events + ${stored.deadLetters} dead letters; the parser says ${parsed} + ${deadLetters}`,
    );
  }
  const e2eRate = rate(events, e2e.elapsedMs);
  stage('e2e stage');
  const lower = Math.min(consumeRate, copyRate);

  const mix = workload.mix;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    `input: N=${events} sshd syslog records (failed ${percent(mix.failed, events)}, accepted ${percent(mix.accepted, events)}, ` +
      `invalid user ${percent(mix.invalid_user, events)}, disconnect ${percent(mix.disconnect, events)}, garbage ${percent(mix.garbage, events)}) ` +
      `from ${workload.attackerIps} attacker IPs, keys = ${workload.sources} source ids`,
  );
  out(
    `topic ${topic}: ${PARTITIONS} partitions (${[...perPartition].sort((a, b) => a[0] - b[0]).map(([, n]) => n).join(' / ')} records), ` +
      `produced in ${seconds(produceMs)} s; Kafka ${kafkaSite.brokers.join(',')} (${kafkaSite.origin}); ` +
      `PostgreSQL ${pgSite.version} (${pgSite.origin}); Node ${process.version}, ${cpus().length} CPUs`,
  );
  out(`consume ceiling: plain kafkajs eachBatch, group join + first fetch ${seconds(consume.startupMs)} s, ${describeSpread(kafkaBatches)}, first batch → last record ${seconds(consume.elapsedMs)} s` +
      (consume.cpu ? `; ${describeCpu(consume.cpu)}` : ''));
  out(
    `copy ceiling: ${copy.batches} COPY transactions of ${batchSize} rows (mean doc ${Math.round(meanDocBytes)} B, ` +
      `${(copy.bytes / 1048576).toFixed(1)} MB CSV), ${seconds(copy.elapsedMs)} s; ${describeCpu(copy.cpu)}`,
  );
  out(
    `e2e: app boot ${seconds(e2e.bootMs)} s, first batch ${seconds(e2e.firstBatchAfterListenMs)} s after listen, app close ${seconds(e2e.closeMs)} s, ` +
      `${describeSpread(spread(e2e.batchSizes))}, first batch → all stored ${seconds(e2e.elapsedMs)} s; ` +
      `stored ${stored.events} events + ${stored.deadLetters} dead letters, ${stored.alerts} alerts, ${stored.outbox} outbox messages, ` +
      `detection state ${(stored.stateBytes / 1024).toFixed(0)} kB` +
      (e2e.cpu ? `; ${describeCpu(e2e.cpu)}` : ''),
  );
  out(`e2e time split: ${describeSteps(e2e.steps, e2e.elapsedMs, e2e.maxConcurrentBatches)}`);
  out(
    `bench time ${seconds(performance.now() - began)} s before cleanup: ${stages.map(([name, ms]) => `${name} ${seconds(ms)} s`).join(', ')} ` +
      `(stages include their group joins, database creation + migration, row building and app start/stop)`,
  );
  if (e2eRate < 0.3 * lower) out(`note: end-to-end is ${ratio(e2eRate, lower)} of the lower ceiling; the time split above shows where it goes`);
  out(
    `ingest-e2e: ${evs(e2eRate)} ev/s; consume ceiling ${evs(consumeRate)} ev/s (ratio ${ratio(e2eRate, consumeRate)}); ` +
      `copy ceiling ${evs(copyRate)} ev/s (ratio ${ratio(e2eRate, copyRate)})`,
  );
}

function parseEvents(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return 200_000;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1000 || n > 20_000_000) throw new Error(`BENCH_EVENTS must be an integer from 1000 to 20000000, got "${text}"`);
  return n;
}

runBench('ingest-e2e', main);
