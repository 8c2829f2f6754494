import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { SocLogger } from '@soc/shared';
import type { NationalMessage } from '../payload/national-message';
import { type NationalChannel, asDeliveryFailure } from './national-channel';

export interface KafkaChannelSettings {
  brokers: string[];
  topic: string;
  clientId: string;
  timeoutMs: number;
  senderId: string;
}

/** Key of messages that belong to no agency (province-wide). */
export const PROVINCE_KEY = 'province';

/**
 * Produces one record per message to the national topic: key = the agency id (so one agency's
 * messages stay in order on one partition), value = the message as JSON, header `soc-sender`.
 * Accepted = acknowledged by all in-sync replicas.
 */
export class KafkaChannel implements NationalChannel {
  readonly kind = 'kafka' as const;
  private readonly kafka: Kafka;
  private producer?: Producer;

  constructor(
    private readonly settings: KafkaChannelSettings,
    private readonly logger: SocLogger,
  ) {
    this.kafka = new Kafka({
      clientId: settings.clientId,
      brokers: settings.brokers,
      connectionTimeout: Math.min(settings.timeoutMs, 10_000),
      requestTimeout: settings.timeoutMs,
      // Retries are the connector's (backoff, cursor kept); kafkajs's own would hide failures from the status.
      retry: { retries: 1, initialRetryTime: 100 },
      logLevel: logLevel.WARN,
      logCreator: () => ({ level, log }) => {
        const { message, ...extra } = log;
        this.logger[level <= logLevel.ERROR ? 'error' : 'warn']({ component: 'kafkajs', connector: 'national', ...extra }, String(message));
      },
    });
  }

  async send(messages: readonly NationalMessage[]): Promise<void> {
    try {
      const producer = await this.connected();
      await producer.send({
        topic: this.settings.topic,
        acks: -1,
        timeout: this.settings.timeoutMs,
        messages: messages.map((m) => ({ key: agencyOf(m) ?? PROVINCE_KEY, value: JSON.stringify(m), headers: { 'soc-sender': this.settings.senderId, 'soc-seq': String(m.seq) } })),
      });
    } catch (error) {
      // A fresh producer next time: after a broker outage the old one may hold dead connections.
      await this.close();
      throw asDeliveryFailure(error);
    }
  }

  async close(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }

  private async connected(): Promise<Producer> {
    if (this.producer) return this.producer;
    const producer = this.kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    this.producer = producer;
    return producer;
  }
}

function agencyOf(message: NationalMessage): string | null {
  return 'alert' in message ? message.alert.agencyId : message.incident.agencyId;
}
