import { performance } from 'node:perf_hooks';
import { Kafka } from 'kafkajs';
import { CpuReading, meterCpu } from './cpu-meter';

export interface ConsumeResult {
  /** First batch handed to eachBatch → the batch holding the last record. */
  elapsedMs: number;
  /** connect + subscribe + group join until the first batch. */
  startupMs: number;
  batchSizes: number[];
  cpu?: CpuReading;
}

/**
 * Ceiling 1: a plain kafkajs consumer group with the consumer settings the app's KafkaTransport uses
 * (kafkajs defaults), eachBatch doing nothing but counting, offsets committed once at the end.
 */
export async function measureConsume(kafka: Kafka, topic: string, groupId: string, expected: number, stallMs = 60_000): Promise<ConsumeResult> {
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  const batchSizes: number[] = [];
  const nextOffsets = new Map<number, string>();
  let received = 0;
  let firstAt = 0;
  let lastAt = 0;
  let cpu: (() => CpuReading) | undefined;
  let reading: CpuReading | undefined;
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const began = performance.now();
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: ({ batch }) => {
        if (batch.messages.length === 0) return Promise.resolve();
        if (firstAt === 0) {
          firstAt = performance.now();
          cpu = meterCpu();
        }
        batchSizes.push(batch.messages.length);
        received += batch.messages.length;
        nextOffsets.set(batch.partition, (BigInt(batch.lastOffset()) + 1n).toString());
        if (received >= expected) {
          lastAt = performance.now();
          reading = cpu?.();
          done();
        }
        return Promise.resolve();
      },
    });
    await untilDone(finished, () => received, stallMs, () => `plain kafkajs consumer at ${received} of ${expected} records`);
    await consumer.commitOffsets([...nextOffsets].map(([partition, offset]) => ({ topic, partition, offset })));
  } finally {
    await consumer.disconnect();
  }
  if (received !== expected) throw new Error(`the plain consumer received ${received} records, expected ${expected}`);
  return { elapsedMs: lastAt - firstAt, startupMs: firstAt - began, batchSizes, cpu: reading };
}

/** Waits for `finished`, failing when `progress()` stops moving for `stallMs`. */
export async function untilDone(finished: Promise<void>, progress: () => number, stallMs: number, what: () => string): Promise<void> {
  let last = progress();
  let lastMove = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      const now = progress();
      if (now !== last) {
        last = now;
        lastMove = performance.now();
      } else if (performance.now() - lastMove > stallMs) {
        reject(new Error(`no progress for ${stallMs / 1000} s: ${what()}`));
      }
    }, 250);
  });
  try {
    await Promise.race([finished, stalled]);
  } finally {
    clearInterval(timer);
  }
}
