import { Admin, Consumer, EachBatchPayload, Kafka, logLevel, Producer } from 'kafkajs';
import { IngestTransport, RawEnvelope } from '@soc/parsers';
import { ErrorCode, type SocConfig, SocError, SocLogger } from '@soc/shared';
import { BatchConsumer, DeadLetter, EventTransport, TransportHealth } from './event-transport';

/** The Kafka part of the one validated config. */
export type KafkaSettings = NonNullable<SocConfig['kafka']>;

/** Receives consumer-lag readings; implemented by the metrics service. */
export interface TransportObserver {
  consumerLag(stream: string, lag: number): void;
}

const HEADER_TRANSPORT = 'soc-transport';
const HEADER_RECEIVED_AT = 'soc-received-at';
const HEADER_FORMAT = 'soc-format';
const HEADER_REASON = 'soc-dead-letter-reason';
const HEADER_STREAM = 'soc-stream';
const HEADER_OFFSET = 'soc-offset';
const TRANSPORTS: readonly IngestTransport[] = ['kafka', 'http', 'syslog'];

export const kafkaStream = (topic: string, partition: number): string => `${topic}/${partition}`;

/**
 * Raw events on Kafka: key = source id, value = the raw line, receive metadata in headers.
 * Offsets are owned by the consumer's database (`storedOffset`): on assignment we seek there, and we
 * commit to Kafka only after the batch's database commit, so Kafka's offsets are for lag display.
 */
export class KafkaTransport implements EventTransport {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly admin: Admin;
  private consumer?: Consumer;
  private producerReady = false;
  private consumerProblem?: string;

  constructor(
    private readonly settings: KafkaSettings,
    private readonly logger: SocLogger,
    private readonly observer?: TransportObserver,
  ) {
    this.kafka = new Kafka({
      clientId: settings.clientId,
      brokers: settings.brokers,
      logLevel: logLevel.WARN,
      logCreator: () => ({ level, log }) => {
        const { message, ...extra } = log;
        const target = level <= logLevel.ERROR ? 'error' : level === logLevel.WARN ? 'warn' : 'debug';
        this.logger[target]({ component: 'kafkajs', ...extra }, String(message));
      },
    });
    this.producer = this.kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
    this.admin = this.kafka.admin();
  }

  /** The topics consumed as raw events. */
  private get rawTopics(): string[] {
    return [this.settings.rawTopic, ...this.settings.extraTopics];
  }

  /** Creates the raw and dead-letter topics that are missing, and connects the producer. */
  async connect(): Promise<void> {
    await this.admin.connect();
    const existing = new Set(await this.admin.listTopics());
    const missing = [...this.rawTopics, this.settings.deadLetterTopic].filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      try {
        await this.admin.createTopics({ waitForLeaders: true, topics: missing.map((topic) => ({ topic, numPartitions: this.settings.partitions })) });
        this.logger.info({ topics: missing, partitions: this.settings.partitions }, 'created Kafka topics');
      } catch (error) {
        // Nodes starting together race to create the same topics; losing the race is fine, a missing topic is not.
        const now = new Set(await this.admin.listTopics());
        if (!missing.every((topic) => now.has(topic))) throw error;
      }
    }
    await this.producer.connect();
    this.producerReady = true;
  }

  async publish(envelopes: RawEnvelope[]): Promise<void> {
    if (envelopes.length === 0) return;
    try {
      await this.producer.send({
        topic: this.settings.rawTopic,
        acks: -1,
        messages: envelopes.map((e) => ({
          key: e.sourceId,
          value: e.payload,
          headers: {
            [HEADER_TRANSPORT]: e.transport,
            [HEADER_RECEIVED_AT]: e.receivedAt.toISOString(),
            ...(e.formatHint ? { [HEADER_FORMAT]: e.formatHint } : {}),
          },
        })),
      });
    } catch (error) {
      throw new SocError(ErrorCode.TransportUnavailable, `Kafka did not accept the records: ${(error as Error).message}`);
    }
  }

  async publishDeadLetters(letters: readonly DeadLetter[]): Promise<void> {
    if (letters.length === 0) return;
    try {
      await this.producer.send({
        topic: this.settings.deadLetterTopic,
        acks: -1,
        messages: letters.map((letter) => ({
          key: letter.sourceId,
          value: letter.raw,
          headers: {
            [HEADER_REASON]: letter.reason,
            [HEADER_STREAM]: letter.stream,
            [HEADER_TRANSPORT]: letter.transport,
            [HEADER_RECEIVED_AT]: letter.receivedAt.toISOString(),
            ...(letter.offset !== undefined ? { [HEADER_OFFSET]: letter.offset } : {}),
          },
        })),
      });
    } catch (error) {
      throw new SocError(ErrorCode.TransportUnavailable, `Kafka did not accept the dead letters: ${(error as Error).message}`);
    }
  }

  async startConsuming(handler: BatchConsumer): Promise<void> {
    // A short fetch wait keeps shutdown quick (disconnect waits for the fetch in flight).
    const consumer = this.kafka.consumer({
      groupId: this.settings.groupId,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 1000,
      sessionTimeout: this.settings.sessionTimeoutMs,
      heartbeatInterval: Math.min(3000, Math.floor(this.settings.sessionTimeoutMs / 3)),
      maxBytesPerPartition: this.settings.maxBytesPerPartition,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.consumerProblem = `consumer crashed: ${payload.error.message}`;
      this.logger.error({ err: payload.error, restart: payload.restart }, 'Kafka consumer crashed');
    });
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.consumerProblem = undefined;
      void this.seekToStoredOffsets(consumer, handler, payload.memberAssignment);
    });
    await consumer.connect();
    await consumer.subscribe({ topics: this.rawTopics, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      // Partitions are independent streams with their own checkpoint row, so their batches may commit in parallel.
      partitionsConsumedConcurrently: this.settings.partitions * this.rawTopics.length,
      eachBatch: (payload) => this.consumeBatch(payload, handler),
    });
  }

  health(): TransportHealth {
    if (!this.producerReady) return { kind: 'kafka', status: 'down', detail: 'producer not connected' };
    if (this.consumerProblem) return { kind: 'kafka', status: 'down', detail: this.consumerProblem };
    return { kind: 'kafka', status: 'ok' };
  }

  async close(): Promise<void> {
    this.producerReady = false;
    await this.consumer?.disconnect();
    await this.producer.disconnect();
    await this.admin.disconnect();
  }

  private async consumeBatch(payload: EachBatchPayload, handler: BatchConsumer): Promise<void> {
    const { batch } = payload;
    if (batch.messages.length === 0 || !payload.isRunning() || payload.isStale()) return;
    const stream = kafkaStream(batch.topic, batch.partition);
    await handler.handleBatch({
      stream,
      durableOffsets: true,
      messages: batch.messages.map((message) => ({
        offset: message.offset,
        envelope: {
          sourceId: message.key?.toString('utf8') || 'unknown',
          receivedAt: receivedAt(message.headers?.[HEADER_RECEIVED_AT], message.timestamp),
          transport: transportOf(message.headers?.[HEADER_TRANSPORT]),
          formatHint: headerText(message.headers?.[HEADER_FORMAT]),
          payload: message.value?.toString('utf8') ?? '',
        },
      })),
    });
    const last = batch.lastOffset();
    payload.resolveOffset(last);
    // Only now, after the database commit, does Kafka learn the new position.
    await this.consumer!.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() }]);
    this.observer?.consumerLag(stream, Number(batch.offsetLag()));
    await payload.heartbeat();
  }

  private async seekToStoredOffsets(consumer: Consumer, handler: BatchConsumer, assignment: Record<string, number[]>): Promise<void> {
    for (const [topic, partitions] of Object.entries(assignment)) {
      for (const partition of partitions) {
        try {
          const offset = await handler.storedOffset(kafkaStream(topic, partition));
          if (offset !== undefined) consumer.seek({ topic, partition, offset });
        } catch (error) {
          // The handler still skips records below its stored offset, so a failed seek costs re-reads, not duplicates.
          this.logger.warn({ err: error, topic, partition }, 'could not seek to the stored offset');
        }
      }
    }
  }
}

function headerText(value: Buffer | string | (Buffer | string)[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

function transportOf(value: Buffer | string | (Buffer | string)[] | undefined): IngestTransport {
  const text = headerText(value);
  return TRANSPORTS.find((t) => t === text) ?? 'kafka';
}

function receivedAt(header: Buffer | string | (Buffer | string)[] | undefined, kafkaTimestamp: string): Date {
  const fromHeader = headerText(header);
  const parsed = fromHeader ? new Date(fromHeader) : new Date(Number(kafkaTimestamp));
  return Number.isNaN(parsed.getTime()) ? new Date(Number(kafkaTimestamp)) : parsed;
}
