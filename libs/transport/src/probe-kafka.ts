import { Kafka, logLevel } from 'kafkajs';
import { describeError } from '@soc/shared';

/** Asks the brokers for cluster metadata; returns why they are unusable, or undefined when they answer. */
export async function probeKafka(brokers: string[]): Promise<string | undefined> {
  const admin = new Kafka({ brokers, logLevel: logLevel.NOTHING, retry: { retries: 1, initialRetryTime: 100 }, connectionTimeout: 2000 }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return undefined;
  } catch (error) {
    return describeError(error);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
