import { eventually } from '../support/eventually';
import { connectKafkaTestClient, describeWithKafka, KafkaTestClient, uniqueKafkaNames } from '../support/kafka-test';
import { LiveFeedClient } from '../support/live-feed-client';
import { failedSshLines } from '../support/ssh-lines';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

interface IncidentPage {
  items: Array<{ id: string; priority: string; securityLevel: number | null; agencyId: string | null; alertCount: number }>;
}

/** The acceptance case: a brute-force stream through Kafka becomes one incident, prioritised by the system's level. */
describeWithKafka('brute-force stream through Kafka → one incident per target, P1 on level 4, lower on level 1 (real broker)', (brokers) => {
  let db: TestDatabase;
  let kafka: KafkaTestClient;
  let soc: TestApp;
  let admin: string;
  let feed: LiveFeedClient;
  const names = uniqueKafkaNames('incidents');

  beforeAll(async () => {
    db = await createTestDatabase();
    kafka = await connectKafkaTestClient(brokers);
    soc = await startTestApp(db.url, { KAFKA_BROKERS: brokers, KAFKA_TOPIC_RAW: names.topic, KAFKA_TOPIC_DLQ: `${names.topic}.dlq`, KAFKA_GROUP_ID: names.groupId, KAFKA_TOPIC_PARTITIONS: '2' });
    admin = await soc.adminToken();
    const post = async (path: string, body: unknown) => expect((await soc.call(path, { method: 'POST', token: admin, body })).status).toBe(201);
    await post('/api/v1/agencies', { id: 'so-tc', name: 'Sở Tài chính' });
    await post('/api/v1/sources', { id: 'syslog-tc', name: 'Máy chủ log Sở Tài chính', agencyId: 'so-tc' });
    await post('/api/v1/systems', { id: 'ketoan', agencyId: 'so-tc', name: 'Kế toán ngân sách', securityLevel: 4 });
    await post('/api/v1/systems/ketoan/assets', { value: 'kt-db01' });
    await post('/api/v1/systems', { id: 'tin-tuc', agencyId: 'so-tc', name: 'Trang tin nội bộ', securityLevel: 1 });
    await post('/api/v1/systems/tin-tuc/assets', { value: 'tt-web01' });
    feed = await LiveFeedClient.connect(soc.wsUrl, admin);
  });
  afterAll(async () => {
    feed?.close();
    await soc?.close();
    await kafka?.close();
    await db?.drop();
  });

  const incidentsOf = async (ip: string) => ((await (await soc.call(`/api/v1/incidents?q=${ip}`, { token: admin })).json()) as IncidentPage).items;

  it.each([
    ['kt-db01', '203.0.113.41', 'P1', 4],
    ['tt-web01', '203.0.113.42', 'P3', 1],
  ])('a stream against %s from %s: one incident, %s (level %i)', async (host, ip, priority, level) => {
    // Six bursts of eight failures, each its own produce call, as a live stream arrives.
    for (let burst = 0; burst < 6; burst++) await kafka.produceLines(names.topic, 'syslog-tc', failedSshLines(ip, 8, undefined, host));
    const stored = await eventually(async () => {
      const n = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM security_events WHERE source_ip = $1', [ip]))[0]!.n);
      return n === 48 ? n : undefined;
    }, 'all 48 events stored');
    expect(stored).toBe(48);
    const incidents = await eventually(async () => {
      const found = await incidentsOf(ip);
      return found.length > 0 ? found : undefined;
    }, 'incident visible over REST');
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ priority, securityLevel: level, agencyId: 'so-tc' });
    const pushed = await feed.waitFor((m) => m.type === 'incident.created' && m.data.id === incidents[0]!.id);
    expect(pushed.data).toMatchObject({ priority, agencyId: 'so-tc' });
    expect(Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM alerts WHERE source_ip = $1 AND incident_id IS NULL', [ip]))[0]!.n)).toBe(0);
  });
});
