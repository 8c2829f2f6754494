import { randomBytes } from 'node:crypto';
import { Admin, Kafka, KafkaMessage, logLevel, Producer } from 'kafkajs';
import { TEST_ENV } from './test-env';

const brokers = process.env[TEST_ENV.kafkaBrokers];
const skipReason = process.env[TEST_ENV.kafkaSkipReason] ?? 'no broker';

/** `describe` when globalSetup found a broker, else a skipped block whose title carries the reason. */
export function describeWithKafka(title: string, body: (brokers: string) => void): void {
  if (brokers) describe(title, () => body(brokers));
  else describe.skip(`${title} [SKIPPED: ${skipReason}]`, () => it('needs Kafka', () => undefined));
}

/** A topic and consumer group no other test uses. */
export function uniqueKafkaNames(label: string): { topic: string; groupId: string } {
  const suffix = `${label}-${process.pid}-${randomBytes(3).toString('hex')}`;
  return { topic: `soc.test.raw.${suffix}`, groupId: `soc-test-${suffix}` };
}

export interface KafkaTestClient {
  producer: Producer;
  admin: Admin;
  /** Produces raw lines keyed by source id, as an agency's log shipper would. */
  produceLines(topic: string, sourceId: string, lines: string[]): Promise<void>;
  /** Every record on a topic so far, read from the beginning by a throwaway consumer. */
  readAll(topic: string, expected: number): Promise<KafkaMessage[]>;
  /** The group's committed offset per partition (-1 when none). */
  committedOffsets(groupId: string, topic: string): Promise<Map<number, string>>;
  close(): Promise<void>;
}

export async function connectKafkaTestClient(brokerList: string): Promise<KafkaTestClient> {
  const kafka = new Kafka({ clientId: 'soc-tests', brokers: brokerList.split(','), logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  const admin = kafka.admin();
  await Promise.all([producer.connect(), admin.connect()]);
  return {
    producer,
    admin,
    produceLines: async (topic, sourceId, lines) => {
      await producer.send({ topic, acks: -1, messages: lines.map((value) => ({ key: sourceId, value })) });
    },
    readAll: async (topic, expected) => {
      const consumer = kafka.consumer({ groupId: `soc-test-reader-${randomBytes(4).toString('hex')}`, maxWaitTimeInMs: 200 });
      const seen: KafkaMessage[] = [];
      await consumer.connect();
      try {
        await consumer.subscribe({ topics: [topic], fromBeginning: true });
        const done = new Promise<void>((resolve) => {
          void consumer.run({
            eachMessage: ({ message }) => {
              seen.push(message);
              if (seen.length >= expected) resolve();
              return Promise.resolve();
            },
          });
        });
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([done, new Promise((resolve) => (timer = setTimeout(resolve, 30_000)))]);
        clearTimeout(timer);
        return seen;
      } finally {
        await consumer.disconnect();
      }
    },
    committedOffsets: async (groupId, topic) => {
      const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return new Map((entry?.partitions ?? []).map((p) => [p.partition, p.offset]));
    },
    close: async () => {
      await Promise.all([producer.disconnect(), admin.disconnect()]);
    },
  };
}
