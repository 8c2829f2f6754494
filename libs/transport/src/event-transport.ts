import type { IngestTransport, RawEnvelope } from '@soc/parsers';

/** One raw record with its position in the stream it was read from. */
export interface StreamMessage {
  envelope: RawEnvelope;
  /** Kafka offset; absent on the in-process bus, whose positions do not survive a restart. */
  offset?: string;
}

/** Records of one stream (a Kafka topic-partition, or the in-process bus), in stream order. */
export interface StreamBatch {
  stream: string;
  /** True when offsets are durable, so the handler must store them and skip what it already has. */
  durableOffsets: boolean;
  messages: StreamMessage[];
}

/** A record no parser could read, with why, where it came from and its bytes. */
export interface DeadLetter {
  receivedAt: Date;
  sourceId: string;
  agencyId: string | null;
  transport: IngestTransport;
  stream: string;
  offset?: string;
  reason: string;
  raw: Buffer;
}

export interface BatchConsumer {
  /** Must resolve only after the batch's effects are committed; the transport then acknowledges it. */
  handleBatch(batch: StreamBatch): Promise<void>;
  /** The next offset the consumer's own store expects for `stream` (read on partition assignment). */
  storedOffset(stream: string): Promise<string | undefined>;
}

export interface TransportHealth {
  kind: 'kafka' | 'in-process';
  status: 'ok' | 'down';
  detail?: string;
}

/**
 * The raw-event bus between receivers (HTTP, syslog) and the ingest pipeline. Kafka in production,
 * an in-process queue on the embedded default; everything above it is the same code.
 */
export interface EventTransport {
  /** Resolves once the records are durable: acknowledged by Kafka, or committed by the in-process consumer. */
  publish(envelopes: RawEnvelope[]): Promise<void>;
  /**
   * Announces dead letters to whoever watches for them (Kafka: the dead-letter topic, at least once,
   * keyed by source). The database table stays the record; the in-process bus has nobody to tell.
   */
  publishDeadLetters(letters: readonly DeadLetter[]): Promise<void>;
  startConsuming(consumer: BatchConsumer): Promise<void>;
  health(): TransportHealth;
  close(): Promise<void>;
}

export const EVENT_TRANSPORT = Symbol('EVENT_TRANSPORT');
