import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../support/eventually';
import { connectKafkaTestClient, describeWithKafka, KafkaTestClient, uniqueKafkaNames } from '../support/kafka-test';
import { LiveFeedClient } from '../support/live-feed-client';
import { buildServer } from '../support/server-process';
import { type SpawnedSoc, startSpawnedSoc } from '../support/spawned-soc';
import { failedSshLines } from '../support/ssh-lines';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const PARTITIONS = 3;
const isAlertFrom = (ip: string) => (m: { type: string; data: Record<string, unknown> }) => m.type === 'alert.created' && m.data.sourceIp === ip;

/**
 * The acceptance test: a client that disconnects, misses messages while the server restarts,
 * and reconnects with `since` receives every missed message exactly once, in order — built servers as
 * child processes, on real Kafka and PostgreSQL, alerts raised by ingesting brute-force SSH lines.
 */
describeWithKafka('live feed across a server restart and on two instances (real Kafka, PostgreSQL, processes)', (brokers) => {
  let db: TestDatabase;
  let kafka: KafkaTestClient;
  const dataDir = mkdtempSync(join(tmpdir(), 'soc-feed-'));
  const running = new Set<SpawnedSoc>();

  beforeAll(async () => {
    buildServer();
    db = await createTestDatabase();
    kafka = await connectKafkaTestClient(brokers);
  });
  afterAll(async () => {
    await Promise.all([...running].map((server) => server.stop('SIGKILL')));
    await kafka?.close();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async (names: { topic: string; groupId: string }, roles = 'api,ingest,scheduler') => {
    const server = await startSpawnedSoc({
      DATABASE_URL: db.url,
      KAFKA_BROKERS: brokers,
      KAFKA_TOPIC_RAW: names.topic,
      KAFKA_GROUP_ID: names.groupId,
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      SOC_ROLES: roles,
      SOC_DATA_DIR: dataDir,
    });
    running.add(server);
    return server;
  };
  const stop = async (server: SpawnedSoc, signal: NodeJS.Signals) => {
    await server.stop(signal);
    running.delete(server);
  };
  const newTopic = async (label: string) => {
    const names = uniqueKafkaNames(label);
    await kafka.admin.createTopics({ waitForLeaders: true, topics: [{ topic: names.topic, numPartitions: PARTITIONS }] });
    return names;
  };
  const storedAfter = async (since: number) => (await db.query<{ seq: string }>('SELECT seq FROM outbox WHERE seq > $1 ORDER BY seq', [since])).map((r) => Number(r.seq));
  const alertStored = (ip: string) =>
    eventually(async () => ((await db.query(`SELECT 1 FROM alerts WHERE source_ip = $1::inet`, [ip])).length > 0 ? true : undefined), `the alert from ${ip}`, 60_000);

  it('resumes a client with since after a restart: every missed message once, in order, then live', async () => {
    const names = await newTopic('feed-restart');
    let server = await start(names);
    const token = await server.adminToken();
    const client = await LiveFeedClient.connect(server.wsUrl, token);
    expect(await server.ingest(failedSshLines('198.51.100.10', 6))).toBe(202);
    const seen = await client.waitFor(isAlertFrom('198.51.100.10'), 60_000);
    client.send({ type: 'ack', seq: seen.seq });
    await client.waitFor((m) => m.type === 'acked');
    client.close();

    // Away: alerts raised while the client is disconnected ...
    for (const ip of ['198.51.100.11', '198.51.100.12']) {
      expect(await server.ingest(failedSshLines(ip, 6))).toBe(202);
      await alertStored(ip);
    }
    // ... the server crashes, and lines keep arriving in Kafka while it is down ...
    await stop(server, 'SIGKILL');
    for (const ip of ['198.51.100.13', '198.51.100.14']) await kafka.produceLines(names.topic, 'bootstrap', failedSshLines(ip, 6));
    // ... and are turned into alerts after the restart, before the client is back.
    server = await start(names);
    for (const ip of ['198.51.100.13', '198.51.100.14']) await alertStored(ip);

    const back = await LiveFeedClient.connect(server.wsUrl, await server.adminToken());
    const hello = back.messages[0]!;
    expect(hello.data.lastAckedSeq).toBe(seen.seq);
    back.send({ type: 'subscribe', since: hello.data.lastAckedSeq });
    await back.waitFor((m) => m.type === 'replay.complete');
    expect(await server.ingest(failedSshLines('198.51.100.15', 6))).toBe(202);
    await back.waitFor(isAlertFrom('198.51.100.15'), 60_000);

    // The batch that raised it also wrote its incident's message, committed with it: wait for the last one.
    const missed = await storedAfter(seen.seq!);
    await back.waitFor((m) => m.seq === missed.at(-1), 30_000);
    expect(back.seqs()).toEqual(missed);
    const created = back.messages.filter((m) => m.type === 'alert.created').map((m) => m.data.sourceIp);
    expect(created).toEqual(['198.51.100.11', '198.51.100.12', '198.51.100.13', '198.51.100.14', '198.51.100.15']);
    back.close();
    await stop(server, 'SIGTERM');
  }, 240_000);

  it('delivers every message on every instance: a client on each of two nodes receives all of them', async () => {
    const names = await newTopic('feed-two');
    const [ingesting, apiOnly] = [await start(names), await start(names, 'api')];
    const clients = [
      await LiveFeedClient.connect(ingesting.wsUrl, await ingesting.adminToken()),
      await LiveFeedClient.connect(apiOnly.wsUrl, await apiOnly.adminToken()),
    ];
    const ips = ['198.51.100.20', '198.51.100.21', '198.51.100.22', '198.51.100.23'];
    // Ingest through both nodes (the api-only node produces to Kafka; the other consumes).
    for (const [i, ip] of ips.entries()) expect(await (i % 2 === 0 ? ingesting : apiOnly).ingest(failedSshLines(ip, 6))).toBe(202);
    for (const ip of ips) await alertStored(ip);
    const stored = await storedAfter(0);
    const last = stored.at(-1)!;
    for (const client of clients) {
      await client.waitFor((m) => m.seq === last, 30_000);
      const since = Number(client.messages[0]!.data.lastSeq);
      expect(client.seqs().filter((seq) => seq <= last)).toEqual(stored.filter((seq) => seq > since));
      expect(client.messages.filter((m) => m.type === 'alert.created').map((m) => m.data.sourceIp)).toEqual(expect.arrayContaining(ips));
      client.close();
    }
    await Promise.all([stop(ingesting, 'SIGTERM'), stop(apiOnly, 'SIGTERM')]);
  }, 180_000);
});
