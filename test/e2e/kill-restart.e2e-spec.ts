import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../support/eventually';
import { freePort } from '../support/free-port';
import { connectKafkaTestClient, describeWithKafka, KafkaTestClient, uniqueKafkaNames } from '../support/kafka-test';
import { buildServer, exited, spawnServer } from '../support/server-process';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const RECORDS = 3000;
const SOURCES = ['fw-a', 'fw-b', 'fw-c', 'web-d', 'srv-e', 'srv-f'];
const line = (seq: number) => `Nov 30 16:40:${String(seq % 60).padStart(2, '0')} host${seq % 7} app[${seq}]: record seq=${seq}`;

/**
 * Nothing lost, nothing doubled: an ingest worker is SIGKILLed at random moments (mid-batch,
 * between the database commit and the Kafka commit, while idle) while a known stream flows in;
 * after restarts, every record is stored exactly once.
 */
describeWithKafka('ingest worker killed at random points (real Kafka and PostgreSQL, real process)', (brokers) => {
  let db: TestDatabase;
  let kafka: KafkaTestClient;
  const dataDir = mkdtempSync(join(tmpdir(), 'soc-kill-'));

  beforeAll(async () => {
    buildServer();
    db = await createTestDatabase();
    kafka = await connectKafkaTestClient(brokers);
  });
  afterAll(async () => {
    await kafka?.close();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores every record exactly once across repeated SIGKILLs', async () => {
    const names = uniqueKafkaNames('kill');
    await kafka.admin.createTopics({ waitForLeaders: true, topics: [{ topic: names.topic, numPartitions: 3 }] });
    const env = async (): Promise<Record<string, string>> => ({
      DATABASE_URL: db.url,
      KAFKA_BROKERS: brokers,
      KAFKA_TOPIC_RAW: names.topic,
      KAFKA_GROUP_ID: names.groupId,
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      // Small fetches make many small batches, so kills land inside and between transactions.
      KAFKA_MAX_BYTES_PER_PARTITION: '8192',
      SOC_ROLES: 'ingest',
      SOC_DATA_DIR: dataDir,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    });
    const stored = async () => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM security_events'))[0]!.n);

    // The stream flows while the worker is being killed.
    const producing = (async () => {
      for (let from = 0; from < RECORDS; from += 100) {
        const chunk = Array.from({ length: 100 }, (_, i) => from + i);
        await kafka.producer.send({ topic: names.topic, acks: -1, messages: chunk.map((seq) => ({ key: SOURCES[seq % SOURCES.length], value: line(seq) })) });
        // Paced over ~6 s: longer than a worker takes to start, so the kills land while records still flow.
        await new Promise((r) => setTimeout(r, 200));
      }
    })();

    let random = 20_251_130;
    const next = () => ((random = (Math.imul(random, 1103515245) + 12345) >>> 0) / 2 ** 32);
    let output = '';
    const kills: number[] = [];
    for (let round = 0; round < 5; round++) {
      const worker = spawnServer(await env(), (text) => (output += text));
      const before = await stored();
      // Wait until this worker has committed something, then kill it at a random moment after.
      await eventually(async () => ((await stored()) > before || (await stored()) >= RECORDS ? true : undefined), `progress in round ${round}`, 60_000).catch(
        (error: Error) => {
          throw new Error(`${error.message}\n${output.slice(-2000)}`);
        },
      );
      await new Promise((r) => setTimeout(r, Math.floor(next() * 400)));
      worker.kill('SIGKILL');
      await exited(worker);
      kills.push(await stored());
    }
    await producing;

    const last = spawnServer(await env(), (text) => (output += text));
    try {
      await eventually(async () => ((await stored()) >= RECORDS ? true : undefined), 'all records stored', 90_000);
      // Give a duplicate, if the design allowed one, the time to appear.
      await new Promise((r) => setTimeout(r, 2000));
    } finally {
      last.kill('SIGTERM');
      await exited(last);
    }

    const [totals] = await db.query<{ rows: string; distinct_seq: string }>(
      `SELECT count(*) AS rows, count(DISTINCT substring(doc->>'message' FROM 'seq=([0-9]+)')) AS distinct_seq FROM security_events`,
    );
    expect({ rows: Number(totals!.rows), distinct: Number(totals!.distinct_seq) }).toEqual({ rows: RECORDS, distinct: RECORDS });
    const [offsets] = await db.query<{ total: string }>(`SELECT sum(next_offset) AS total FROM stream_checkpoints WHERE stream LIKE $1`, [`${names.topic}/%`]);
    expect(Number(offsets!.total)).toBe(RECORDS);
    // The kills really interrupted a flowing stream (not all before the first or after the last record).
    expect(kills.some((count) => count > 0 && count < RECORDS)).toBe(true);
  });
});
