import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { probeKafka } from '@soc/transport';
import { Cleanup } from './cleanup';
import type { RawRecord } from './ssh-workload';

export interface KafkaSite {
  brokers: string[];
  /** How we got it, for the report. */
  origin: string;
}

/**
 * `KAFKA_BROKERS` if set (it must answer), else a broker already on 127.0.0.1:9092, else the local
 * one from deploy/kafka, started now and stopped at the end.
 */
export async function findKafka(root: string, cleanup: Cleanup): Promise<KafkaSite> {
  const configured = process.env.KAFKA_BROKERS?.trim();
  if (configured) {
    const problem = await probeKafka(configured.split(','));
    if (problem) throw new Error(`KAFKA_BROKERS=${configured} does not answer: ${problem}`);
    return { brokers: configured.split(','), origin: 'KAFKA_BROKERS' };
  }
  const local = [`127.0.0.1:${process.env.KAFKA_PORT ?? '9092'}`];
  if ((await probeKafka(local)) === undefined) return { brokers: local, origin: 'already running' };

  process.stderr.write(`no Kafka broker on ${local[0]}: starting deploy/kafka/start.sh ...\n`);
  const started = spawnSync(join(root, 'deploy', 'kafka', 'start.sh'), { encoding: 'utf8', timeout: 180_000 });
  if (started.status !== 0) {
    const tail = `${started.stderr ?? ''}${started.stdout ?? ''}`.trim().split('\n').slice(-8).join('\n  ');
    throw new Error(`deploy/kafka/start.sh failed (status ${started.status ?? started.signal}):\n  ${tail}`);
  }
  cleanup.add('stop the Kafka broker we started', () => {
    const stopped = spawnSync(join(root, 'deploy', 'kafka', 'stop.sh'), { encoding: 'utf8', timeout: 60_000 });
    if (stopped.status !== 0) return Promise.reject(new Error(`deploy/kafka/stop.sh failed: ${(stopped.stderr || stopped.stdout).trim()}`));
    return Promise.resolve();
  });
  const problem = await probeKafka(local);
  if (problem) throw new Error(`started the local broker but ${local[0]} does not answer: ${problem}`);
  return { brokers: local, origin: 'started by the bench (deploy/kafka/start.sh), stopped at the end' };
}

export const benchKafka = (brokers: string[], clientId: string): Kafka => new Kafka({ clientId, brokers, logLevel: logLevel.ERROR });

/** Creates a topic (deleted at cleanup, with the consumer groups registered on it). */
export async function createBenchTopic(admin: Admin, topic: string, partitions: number, cleanup: Cleanup): Promise<void> {
  const created = await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }] });
  if (!created) throw new Error(`topic ${topic} already exists`);
  cleanup.add(`delete topic ${topic}`, () => admin.deleteTopics({ topics: [topic], timeout: 10_000 }));
}

/** Produces the records in order, keyed by source id (acks=all); returns the record count per partition. */
export async function produceRecords(kafka: Kafka, admin: Admin, topic: string, records: readonly RawRecord[]): Promise<Map<number, number>> {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    // ~400 kB per request: well under the broker's 1 MB record-batch limit per partition.
    const chunk = 3000;
    for (let from = 0; from < records.length; from += chunk) {
      const slice = records.slice(from, from + chunk);
      await producer.send({ topic, acks: -1, messages: slice.map((r) => ({ key: r.sourceId, value: r.line })) });
    }
  } finally {
    await producer.disconnect();
  }
  const perPartition = new Map<number, number>();
  for (const p of await admin.fetchTopicOffsets(topic)) perPartition.set(p.partition, Number(p.high) - Number(p.low));
  return perPartition;
}
