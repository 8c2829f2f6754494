import { ErrorCode, SocError } from '@soc/shared';
import { RawEnvelope } from '@soc/parsers';
import { BatchConsumer, DeadLetter, EventTransport, TransportHealth } from './event-transport';

interface Pending {
  envelopes: RawEnvelope[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export const IN_PROCESS_STREAM = 'in-process';

/**
 * A bounded queue drained by one worker in batches. `publish` resolves when the consumer has
 * committed the batch holding the records, so an HTTP 202 means "stored", as with Kafka acks.
 * When the queue is full, publishers wait (backpressure), nothing is dropped.
 */
export class InProcessTransport implements EventTransport {
  private readonly queue: Pending[] = [];
  private queuedRecords = 0;
  private consumer?: BatchConsumer;
  private draining = false;
  private closed = false;
  private readonly spaceWaiters: Array<() => void> = [];

  constructor(
    private readonly batchSize: number,
    private readonly maxQueuedRecords = batchSize * 20,
  ) {}

  async publish(envelopes: RawEnvelope[]): Promise<void> {
    if (envelopes.length === 0) return;
    while (!this.closed && this.queuedRecords > 0 && this.queuedRecords + envelopes.length > this.maxQueuedRecords) {
      await new Promise<void>((resolve) => this.spaceWaiters.push(resolve));
    }
    if (this.closed) throw new SocError(ErrorCode.TransportUnavailable, 'in-process transport is closed');
    const done = new Promise<void>((resolve, reject) => this.queue.push({ envelopes, resolve, reject }));
    this.queuedRecords += envelopes.length;
    this.drain();
    return done;
  }

  publishDeadLetters(_letters: readonly DeadLetter[]): Promise<void> {
    return Promise.resolve();
  }

  startConsuming(consumer: BatchConsumer): Promise<void> {
    this.consumer = consumer;
    this.drain();
    return Promise.resolve();
  }

  health(): TransportHealth {
    return this.closed ? { kind: 'in-process', status: 'down', detail: 'closed' } : { kind: 'in-process', status: 'ok' };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const wake of this.spaceWaiters.splice(0)) wake();
    for (const pending of this.queue.splice(0)) pending.reject(new SocError(ErrorCode.TransportUnavailable, 'in-process transport closed'));
    while (this.draining) await new Promise((r) => setTimeout(r, 5));
  }

  private drain(): void {
    if (this.draining || !this.consumer || this.queue.length === 0) return;
    this.draining = true;
    void this.drainLoop(this.consumer).finally(() => {
      this.draining = false;
      this.drain();
    });
  }

  private async drainLoop(consumer: BatchConsumer): Promise<void> {
    while (this.queue.length > 0 && !this.closed) {
      const taken: Pending[] = [];
      let count = 0;
      while (this.queue.length > 0 && (count === 0 || count + this.queue[0]!.envelopes.length <= this.batchSize)) {
        const next = this.queue.shift()!;
        taken.push(next);
        count += next.envelopes.length;
      }
      const messages = taken.flatMap((p) => p.envelopes.map((envelope) => ({ envelope })));
      try {
        await consumer.handleBatch({ stream: IN_PROCESS_STREAM, durableOffsets: false, messages });
        for (const p of taken) p.resolve();
      } catch (error) {
        for (const p of taken) p.reject(error);
      } finally {
        this.queuedRecords -= count;
        for (const wake of this.spaceWaiters.splice(0)) wake();
      }
    }
  }
}
