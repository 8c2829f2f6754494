import { Client } from 'pg';
import { eventually } from '../support/eventually';
import { connectKafkaTestClient, describeWithKafka, KafkaTestClient, uniqueKafkaNames } from '../support/kafka-test';
import { LiveFeedClient } from '../support/live-feed-client';
import { failedSshLines } from '../support/ssh-lines';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

interface AlertPage {
  items: Array<{ id: string; sourceIp: string; eventCount: number }>;
}

describeWithKafka('Kafka soc.events.raw → PostgreSQL → alert → REST and /ws (real broker)', (brokers) => {
  let db: TestDatabase;
  let kafka: KafkaTestClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    kafka = await connectKafkaTestClient(brokers);
  });
  afterAll(async () => {
    await kafka?.close();
    await db?.drop();
  });

  const kafkaEnv = (names: { topic: string; groupId: string }) => ({
    KAFKA_BROKERS: brokers,
    KAFKA_TOPIC_RAW: names.topic,
    KAFKA_TOPIC_DLQ: `${names.topic}.dlq`,
    KAFKA_GROUP_ID: names.groupId,
    KAFKA_TOPIC_PARTITIONS: '2',
  });
  const countEvents = async (sourceId: string) =>
    Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM security_events WHERE source_id = $1', [sourceId]))[0]!.n);
  const alertsFor = async (soc: TestApp, ip: string) =>
    ((await (await soc.call('/api/v1/alerts?limit=500', { token: await soc.adminToken() })).json()) as AlertPage).items.filter((a) => a.sourceIp === ip);

  it('consumes sshd lines keyed by source in a consumer group, stores them, and raises one alert', async () => {
    const names = uniqueKafkaNames('slice');
    const soc = await startTestApp(db.url, kafkaEnv(names));
    try {
      expect(await (await soc.call('/api/v1/health')).json()).toMatchObject({ status: 'ok', transport: { kind: 'kafka', status: 'ok' } });
      const feed = await LiveFeedClient.connect(soc.wsUrl, await soc.adminToken());
      await kafka.produceLines(names.topic, 'kafka-src-1', failedSshLines('203.0.113.77', 6));

      const pushed = await feed.waitFor((m) => m.type === 'alert.created');
      expect(pushed.data).toMatchObject({ ruleId: 'soc.ssh.brute_force', sourceIp: '203.0.113.77', eventCount: 6 });
      expect(await alertsFor(soc, '203.0.113.77')).toEqual([expect.objectContaining({ id: pushed.data.id, eventCount: 6 })]);
      expect(await countEvents('kafka-src-1')).toBe(6);
      feed.close();
    } finally {
      await soc.close();
    }
  });

  it('HTTP ingest in Kafka mode goes through the topic and the same pipeline', async () => {
    const names = uniqueKafkaNames('http');
    const soc = await startTestApp(db.url, kafkaEnv(names));
    try {
      const res = await soc.ingest(failedSshLines('198.51.100.99', 5));
      expect(res.status).toBe(202);
      const [entry] = await kafka.admin.fetchTopicOffsets(names.topic).then((parts) => [parts.reduce((sum, p) => sum + Number(p.high), 0)]);
      expect(entry).toBe(5);
      await eventually(async () => ((await alertsFor(soc, '198.51.100.99')).length === 1 ? true : undefined), 'alert from HTTP via Kafka');
      expect(Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM security_events WHERE source_id = 'bootstrap' AND source_ip = '198.51.100.99'`))[0]!.n)).toBe(5);
    } finally {
      await soc.close();
    }
  });

  it('commits Kafka offsets only after the database commit', async () => {
    const names = uniqueKafkaNames('order');
    const soc = await startTestApp(db.url, kafkaEnv(names));
    const blocker = new Client({ connectionString: db.url });
    await blocker.connect();
    try {
      await kafka.produceLines(names.topic, 'order-src', ['Nov 30 16:40:00 h sshd[1]: Accepted password for a from 192.0.2.1 port 1 ssh2']);
      await eventually(async () => ((await countEvents('order-src')) === 1 ? true : undefined), 'first event stored');
      const stream = await eventually(async () => {
        const rows = await db.query<{ stream: string; next_offset: string }>('SELECT stream, next_offset FROM stream_checkpoints WHERE stream LIKE $1', [`${names.topic}/%`]);
        return rows[0];
      }, 'checkpoint row');
      const partition = Number(stream.stream.split('/').pop());
      await eventually(async () => ((await kafka.committedOffsets(names.groupId, names.topic)).get(partition) === stream.next_offset ? true : undefined), 'kafka commit of the first batch');

      // Hold the checkpoint table so the next batch's transaction cannot commit.
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE stream_checkpoints IN EXCLUSIVE MODE');
      await kafka.produceLines(names.topic, 'order-src', ['Nov 30 16:40:01 h sshd[1]: Accepted password for a from 192.0.2.1 port 1 ssh2']);
      await new Promise((r) => setTimeout(r, 2000));
      expect(await countEvents('order-src')).toBe(1);
      expect((await kafka.committedOffsets(names.groupId, names.topic)).get(partition)).toBe(stream.next_offset);

      await blocker.query('COMMIT');
      await eventually(async () => ((await countEvents('order-src')) === 2 ? true : undefined), 'second event stored after the lock');
      const expected = (BigInt(stream.next_offset) + 1n).toString();
      await eventually(async () => ((await kafka.committedOffsets(names.groupId, names.topic)).get(partition) === expected ? true : undefined), 'kafka commit after db commit');
    } finally {
      await blocker.end();
      await soc.close();
    }
  });

  it('continues an open detection window across a restart, and ignores Kafka offsets rewound behind the stored ones', async () => {
    const names = uniqueKafkaNames('restart');
    const first = await startTestApp(db.url, kafkaEnv(names));
    await kafka.produceLines(names.topic, 'restart-src', failedSshLines('192.0.2.200', 3, 0));
    await eventually(async () => ((await countEvents('restart-src')) === 3 ? true : undefined), 'three events before restart');
    expect(await alertsFor(first, '192.0.2.200')).toEqual([]);
    await first.close();

    // Rewind the group in Kafka: the database's offsets must still win, so nothing is stored twice.
    await kafka.admin.resetOffsets({ groupId: names.groupId, topic: names.topic, earliest: true });
    await kafka.produceLines(names.topic, 'restart-src', failedSshLines('192.0.2.200', 2, 3));

    const second = await startTestApp(db.url, kafkaEnv(names));
    try {
      const alerts = await eventually(async () => {
        const found = await alertsFor(second, '192.0.2.200');
        return found.length > 0 ? found : undefined;
      }, 'alert after restart');
      expect(alerts).toEqual([expect.objectContaining({ eventCount: 5 })]);
      expect(await countEvents('restart-src')).toBe(5);
    } finally {
      await second.close();
    }
  });

  it("consumes agencies' own topics too, and announces dead letters on the dead-letter topic as well as in the table", async () => {
    const names = uniqueKafkaNames('topics');
    const agencyTopic = `${names.topic}.so-yte`;
    const soc = await startTestApp(db.url, { ...kafkaEnv(names), KAFKA_TOPICS_EXTRA: `${agencyTopic}, ${names.topic}` });
    try {
      await kafka.produceLines(agencyTopic, 'yte-fw', ['Nov 30 16:40:00 h sshd[1]: Accepted password for a from 192.0.2.1 port 1 ssh2', '\u0000\u0001 not a log line']);
      await eventually(async () => ((await countEvents('yte-fw')) === 1 ? true : undefined), 'event from the extra topic');
      const letters = await db.query<{ stream: string; reason: string }>("SELECT stream, reason FROM dead_letters WHERE source_id = 'yte-fw'");
      expect(letters).toEqual([{ stream: expect.stringMatching(new RegExp(`^${agencyTopic.replace(/\./g, '\\.')}/\\d$`)), reason: expect.any(String) }]);
      const [announced] = await kafka.readAll(`${names.topic}.dlq`, 1);
      expect(announced!.key?.toString()).toBe('yte-fw');
      expect(announced!.value?.toString()).toBe('\u0000\u0001 not a log line');
      expect(announced!.headers?.['soc-dead-letter-reason']?.toString()).toBe(letters[0]!.reason);
      expect(announced!.headers?.['soc-stream']?.toString()).toBe(letters[0]!.stream);
    } finally {
      await soc.close();
    }
  });
});
