import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { WebSocketServer } from 'ws';
import { type OutboxEntry, OutboxRepository } from '@soc/realtime';
import { createLogger, loadConfig } from '@soc/shared';
import { TransactionRunner } from '@soc/storage';
import { createSocApp } from '../apps/soc-server/src/create-app';
import { createBenchDatabase, findPostgres } from './support/bench-postgres';
import { Cleanup } from './support/cleanup';
import { evs, ratio, sleep } from './support/figures';
import { projectRoot } from './support/project-root';
import { runBench } from './support/run-bench';
import { closeFleet, connectFleet, DeliveryLog } from './support/ws-fleet';

/**
 * Live-feed latency and throughput through the real path: append to the outbox in PostgreSQL → NOTIFY
 * → relay → gateway → authenticated `/ws` clients, for 1, 100 and 1,000 connected clients.
 * - latency (p50/p99): client receive time − append commit time, at a steady message rate;
 * - deliveries/s: messages × clients per second for a burst appended as fast as possible (100 per
 *   transaction), next to the ceiling: a raw `ws` server broadcasting the same frames to the same
 *   number of clients in the same run.
 * The app and the clients share this Node process (as do the ceiling's server and clients), so both
 * figures carry the clients' own cost. Prints figures; asserts nothing about them.
 * Env: BENCH_WS_CLIENTS (default 1,100,1000), BENCH_WS_RATE (messages/s, default 20), BENCH_WS_SECONDS
 * (steady phase per client count, default 5), BENCH_WS_BURST_DELIVERIES (default 200000: burst messages
 * = this / clients, 100 to 5000), DATABASE_URL (a server: a soc_bench_* database is created and dropped),
 * BENCH_LOG_LEVEL (the app's, to stderr; default warn).
 */
const BURST_BATCH = 100;
const PASSWORD = `Bench-${randomBytes(9).toString('base64url')}-7`;

interface FeedApp {
  wsUrl: string;
  token: string;
  /** Appends in one transaction; resolves once committed. */
  append(entries: OutboxEntry[]): Promise<void>;
}

async function main(cleanup: Cleanup): Promise<void> {
  const clientCounts = listEnv('BENCH_WS_CLIENTS', [1, 100, 1000]);
  const rate = numberEnv('BENCH_WS_RATE', 20, 1, 10_000);
  const steadySeconds = numberEnv('BENCH_WS_SECONDS', 5, 0.5, 600);
  const burstDeliveries = numberEnv('BENCH_WS_BURST_DELIVERIES', 200_000, 1000, 100_000_000);
  const root = projectRoot();
  const pg = await findPostgres(root, cleanup);
  const databaseUrl = await createBenchDatabase(pg.serverUrl, `soc_bench_${Date.now().toString(36)}${randomBytes(3).toString('hex')}_ws`, cleanup);
  const app = await startFeedApp(databaseUrl, root, cleanup);
  const ceiling = await startCeilingServer(cleanup);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    `ws-latency setup: PostgreSQL ${pg.version} (${pg.origin}); app (api,ingest roles) and clients in one process; ` +
      `steady ${rate} msg/s for ${steadySeconds} s; burst ${burstDeliveries} deliveries, ${BURST_BATCH} messages per transaction; ` +
      `frames ~${Buffer.byteLength(frame(0, 0))} B; Node ${process.version}, ${cpus().length} CPUs`,
  );

  for (const clients of clientCounts) {
    const steadyMessages = Math.max(1, Math.round(rate * steadySeconds));
    const burstMessages = Math.min(5000, Math.max(100, Math.round(burstDeliveries / clients)));
    const sentAt = new Float64Array(steadyMessages + burstMessages);
    const log = new DeliveryLog(clients * 64);

    // Our path: authenticated feed clients, steady phase then burst.
    const ours = await connectFleet(app.wsUrl, clients, log, { headers: { Authorization: `Bearer ${app.token}` }, awaitHello: true });
    await sleep(200);
    const steadyBegan = performance.now();
    for (let id = 0; id < steadyMessages; id++) {
      const due = steadyBegan + (id * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      await app.append([entry(id)]);
      sentAt[id] = performance.now();
    }
    await log.reached(clients * steadyMessages, 60_000);
    const latencies = log.latencies(sentAt);

    log.reset();
    const burstIds = Array.from({ length: burstMessages }, (_, i) => steadyMessages + i);
    const burstBegan = performance.now();
    for (let i = 0; i < burstIds.length; i += BURST_BATCH) {
      const ids = burstIds.slice(i, i + BURST_BATCH);
      await app.append(ids.map(entry));
      const committed = performance.now();
      for (const id of ids) sentAt[id] = committed;
    }
    const appendRate = (burstMessages * 1000) / (performance.now() - burstBegan);
    await log.reached(clients * burstMessages, 300_000);
    const deliveries = (clients * burstMessages * 1000) / (log.lastAt() - burstBegan);
    await closeFleet(ours);

    // The ceiling: the same frames broadcast by a bare ws server to as many clients.
    const ceilingLog = new DeliveryLog(clients * 64);
    const raw = await connectFleet(ceiling.url, clients, ceilingLog);
    while (ceiling.server.clients.size < clients) await sleep(10);
    const frames = burstIds.map((id, i) => frame(id, i + 1));
    const ceilingBegan = performance.now();
    for (let i = 0; i < frames.length; i += BURST_BATCH) {
      for (const text of frames.slice(i, i + BURST_BATCH)) for (const client of ceiling.server.clients) client.send(text);
      // Yield between batches as our path does between transactions, so the clients read meanwhile.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await ceilingLog.reached(clients * burstMessages, 300_000);
    const ceilingRate = (clients * burstMessages * 1000) / (ceilingLog.lastAt() - ceilingBegan);
    await closeFleet(raw);

    out(
      `ws-latency: clients ${clients}; p50 ${quantile(latencies, 0.5).toFixed(1)} ms; p99 ${quantile(latencies, 0.99).toFixed(1)} ms; ` +
        `deliveries ${evs(deliveries)}/s; ceiling ${evs(ceilingRate)}/s; ratio ${ratio(deliveries, ceilingRate)}`,
    );
    // With few clients the feed waits on the producer: say so rather than let the ratio speak alone.
    if (deliveries < 0.5 * ceilingRate && deliveries / clients > 0.8 * appendRate) {
      out(`note: clients ${clients}: the burst was appended at ${evs(appendRate)} msg/s (${BURST_BATCH} per transaction); deliveries cannot outrun the append`);
    }
  }
}

/** An alert-sized message (~1 kB, like the alerts the pipeline pushes) that names its bench id. */
function payload(benchId: number): Record<string, unknown> {
  return {
    benchId,
    id: randomUUID(),
    ruleId: 'soc.ssh.brute_force',
    title: 'SSH brute force: many failed logins from one address',
    severity: 'high',
    status: 'new',
    sourceIp: '203.0.113.5',
    agencyId: null,
    eventCount: 6,
    firstSeen: '2026-11-30T09:40:01.000Z',
    lastSeen: '2026-11-30T09:40:06.000Z',
    eventIds: Array.from({ length: 6 }, () => randomUUID()),
    tags: ['attack.credential_access', 'attack.t1110.001'],
    entities: { userNames: ['admin'], hostNames: ['web01'], systems: [] },
    explanation: 'event_count of sshd failed password grouped by source.ip reached 6 (threshold 5) within 60 s',
  };
}

const entry = (benchId: number): OutboxEntry => ({ type: 'alert.created', agencyId: null, priority: 'P2', payload: payload(benchId) });
const frame = (benchId: number, seq: number): string => JSON.stringify({ type: 'alert.created', seq, ts: new Date().toISOString(), data: payload(benchId) });

async function startFeedApp(databaseUrl: string, root: string, cleanup: Cleanup): Promise<FeedApp> {
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    PORT: '0',
    HOST: '127.0.0.1',
    // The in-process bus needs an ingest role beside api; nothing is ingested.
    SOC_ROLES: 'api,ingest',
    SOC_JWT_SECRET: randomBytes(32).toString('hex'),
    SOC_BOOTSTRAP_ADMIN_PASSWORD: PASSWORD,
    SOC_BOOTSTRAP_INGEST_KEY: `soc_${randomBytes(24).toString('base64url')}`,
    SOC_RULES_DIR: join(root, 'rules'),
    SYSLOG_ENABLED: 'false',
  });
  // The app logs to stderr so that stdout holds only the figures.
  const logger = createLogger(config.logLevel, pino.destination({ dest: 2, sync: true }));
  const app = await createSocApp({ config, databaseUrl, logger });
  cleanup.add('close the app', () => app.close());
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const outbox = app.get(OutboxRepository);
  const transactions = app.get(TransactionRunner);
  return { wsUrl: `ws://127.0.0.1:${port}/ws`, token: accessToken, append: (entries) => transactions.run((tx) => outbox.append(tx, entries)) };
}

async function startCeilingServer(cleanup: Cleanup): Promise<{ server: WebSocketServer; url: string }> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  cleanup.add('close the ceiling server', () => {
    for (const client of server.clients) client.terminate();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { server, url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function numberEnv(name: string, fallback: number, min: number, max: number): number {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${name} must be a number from ${min} to ${max}, got "${text}"`);
  return n;
}

function listEnv(name: string, fallback: number[]): number[] {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return fallback;
  const counts = text.split(',').map((part) => Number(part.trim()));
  if (counts.some((n) => !Number.isInteger(n) || n < 1 || n > 10_000)) throw new Error(`${name} must list client counts from 1 to 10000, got "${text}"`);
  return counts;
}

runBench('ws-latency', main);
