import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { OutboxRepository } from '@soc/realtime';
import { type Clock, CLOCK, type NationalConfig, scheduleInterval, SOC_CONFIG, SOC_LOGGER, type SocConfig, type SocLogger } from '@soc/shared';
import { TransactionRunner, tryTransactionLock } from '@soc/storage';
import { asDeliveryFailure, createNationalChannel, type NationalChannel } from './channels';
import { NationalConnectorMetrics } from './national-connector.metrics';
import { NationalConnectorRepository } from './national-connector.repository';
import { incidentIdsOf, type OutboxMessage, toNationalMessage } from './payload';
import { nextAttemptAt } from './retry-schedule';

/** Held while a batch is in flight, so one scheduler node delivers at a time, in order. */
const NATIONAL_CONNECTOR_LOCK = 7_201_021;

/** What one attempt did. `full`: a whole batch went out, so more may be waiting right away. */
export type BatchOutcome = 'disabled' | 'locked' | 'backing_off' | 'idle' | 'delivered' | 'full' | 'failed';

/**
 * Delivers outbox messages to the national monitoring center through the configured channel, in seq
 * order and in batches. The outbox is the durable queue: the cursor (`national_connector_state`)
 * advances in the same transaction as the share record, only after the receiver accepted the batch;
 * a failure keeps it and waits with exponential backoff. A crash between acceptance and commit sends
 * the batch again (at least once): receivers de-duplicate by `seq`.
 */
@Injectable()
export class NationalConnectorJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly national: NationalConfig;
  private readonly channel?: NationalChannel;
  private inFlight?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly repository: NationalConnectorRepository,
    private readonly outbox: OutboxRepository,
    private readonly transactions: TransactionRunner,
    private readonly metrics: NationalConnectorMetrics,
    private readonly scheduler: SchedulerRegistry,
    @Inject(SOC_CONFIG) config: SocConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SOC_LOGGER) private readonly logger: SocLogger,
  ) {
    this.national = config.national;
    this.channel = createNationalChannel(config.national, clock, logger);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.channel) return;
    await this.repository.ensureState(this.channel.kind);
    scheduleInterval(this.scheduler, 'national-connector', this.national.pollMs, () => this.tick());
    this.logger.info({ channel: this.channel.kind, types: this.national.types, batchSize: this.national.batchSize }, 'national connector started');
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.inFlight;
    await this.channel?.close();
  }

  /** One poll: drains what is waiting unless a previous poll still is. */
  tick(): void {
    if (this.inFlight || this.stopped) return;
    this.inFlight = this.drain()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error({ err: error, channel: this.channel?.kind }, 'national connector run failed; next poll retries'))
      .finally(() => (this.inFlight = undefined));
  }

  /** Delivers batch after batch until the queue is empty, a batch fails or another node holds the lock. */
  async drain(): Promise<BatchOutcome> {
    for (;;) {
      const outcome = await this.deliverBatch();
      if (outcome !== 'full' || this.stopped) return outcome;
    }
  }

  /** One batch, in one transaction holding the lock: read after the cursor, send, then move the cursor or record the failure. */
  deliverBatch(): Promise<BatchOutcome> {
    const channel = this.channel;
    if (!channel) return Promise.resolve('disabled');
    return this.transactions.run(async (tx) => {
      if (!(await tryTransactionLock(tx, NATIONAL_CONNECTOR_LOCK))) return 'locked';
      const state = await this.repository.lockedState(tx, channel.kind);
      if (!state) return 'idle';
      const now = this.clock.now();
      const retryAt = nextAttemptAt(state.lastAttemptAt, state.consecutiveFailures, this.national.retry);
      if (retryAt && now < retryAt) return 'backing_off';
      const stored = await this.outbox.readSelectedAfter(state.lastDeliveredSeq, { types: this.national.types }, this.national.batchSize);
      if (stored.length === 0) return 'idle';
      const rows: OutboxMessage[] = stored.map(({ message }) => ({ ...message, type: message.type as OutboxMessage['type'] }));
      const counts = await this.repository.observableCounts(tx, incidentIdsOf(rows));
      const messages = rows.map((row) => toNationalMessage(row, counts));
      const range = { firstSeq: rows[0]!.seq, lastSeq: rows[rows.length - 1]!.seq, items: rows.length };
      try {
        await channel.send(messages);
      } catch (error) {
        const failure = asDeliveryFailure(error);
        const after = await this.repository.recordFailure(tx, channel.kind, now, failure.toString());
        this.metrics.failures.inc({ channel: channel.kind, code: failure.code });
        const retry = nextAttemptAt(now, after.consecutiveFailures, this.national.retry);
        this.logger.warn({ channel: channel.kind, code: failure.code, error: failure.message, ...range, failures: after.consecutiveFailures, nextAttemptAt: retry }, 'national center did not accept the batch; will retry');
        return 'failed';
      }
      await this.repository.recordSuccess(tx, channel.kind, { lastSeq: range.lastSeq, items: range.items, at: now });
      this.metrics.delivered.inc({ channel: channel.kind }, range.items);
      this.metrics.lastSuccess.set({ channel: channel.kind }, now.getTime() / 1000);
      if (state.consecutiveFailures > 0) this.logger.info({ channel: channel.kind, ...range, after: state.consecutiveFailures }, 'national center accepting again');
      else this.logger.debug({ channel: channel.kind, ...range }, 'batch delivered to the national center');
      return rows.length === this.national.batchSize ? 'full' : 'delivered';
    });
  }
}
