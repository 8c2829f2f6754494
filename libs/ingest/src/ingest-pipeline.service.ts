import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { IncidentGrouper, incidentMessages } from '@soc/incidents';
import { AlertChange, AlertsRepository } from '@soc/alerts';
import { DetectionHealth, DetectionOutcome, DetectionState, StoredEvent, usableState } from '@soc/detection';
import { IntelDirectory } from '@soc/intel';
import { RulesRegistry } from '@soc/rules';
import { AssetDirectory } from '@soc/inventory';
import { MetricsService } from '@soc/observability';
import { OutboxRepository } from '@soc/realtime';
import { CLOCK, type Clock, SOC_CONFIG, SOC_LOGGER, type SocConfig, type SocLogger } from '@soc/shared';
import { SourceDirectory, SourcesRepository } from '@soc/sources';
import { TransactionRunner, Tx } from '@soc/storage';
import { BatchConsumer, EVENT_TRANSPORT, type EventTransport, StreamBatch, StreamMessage } from '@soc/transport';
import { CheckpointsRepository } from './checkpoints.repository';
import { DeadLetter, DeadLettersRepository } from './dead-letters.repository';
import { EventsRepository } from './events.repository';
import { prepareBatch } from './prepare-batch';

interface BatchOutcome {
  fresh: StreamMessage[];
  events: StoredEvent[];
  deadLetters: DeadLetter[];
  changes: AlertChange[];
}

/** Detection state as of a committed checkpoint version, so an unchanged row need not be re-read. */
interface CachedState {
  version: string;
  state: DetectionState;
  /** Wall-clock time of the stream's last batch: a stream quiet for the lateness budget gets its windows judged. */
  lastBatchAt: number;
}

/**
 * raw batch → parse → detect → persist, as one PostgreSQL transaction per batch: the events, dead
 * letters, alert changes, live-feed messages, detection state and stream offset commit together.
 * A crash anywhere replays the batch from the stored offset with the stored state: same result.
 */
@Injectable()
export class IngestPipeline implements BatchConsumer, OnApplicationBootstrap {
  private readonly stateCache = new Map<string, CachedState>();

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly events: EventsRepository,
    private readonly deadLetters: DeadLettersRepository,
    private readonly checkpoints: CheckpointsRepository,
    private readonly alerts: AlertsRepository,
    private readonly outbox: OutboxRepository,
    private readonly incidents: IncidentGrouper,
    private readonly sourceDirectory: SourceDirectory,
    private readonly assetDirectory: AssetDirectory,
    private readonly sources: SourcesRepository,
    private readonly metrics: MetricsService,
    private readonly rules: RulesRegistry,
    private readonly intel: IntelDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
    @Inject(SOC_LOGGER) private readonly logger: SocLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.transport.startConsuming(this);
  }

  storedOffset(stream: string): Promise<string | undefined> {
    return this.checkpoints.nextOffset(stream);
  }

  async handleBatch(batch: StreamBatch): Promise<void> {
    try {
      const outcome = await this.transactions.run((tx) => this.process(tx, batch));
      this.count(batch, outcome);
    } catch (error) {
      // The state may have been changed by a batch that did not commit: forget it, re-read next time.
      this.stateCache.delete(batch.stream);
      this.metrics.batchFailures.inc();
      this.logger.error({ err: error, stream: batch.stream, records: batch.messages.length }, 'ingest batch failed; it will be retried');
      throw error;
    }
  }

  private async process(tx: Tx, batch: StreamBatch): Promise<BatchOutcome> {
    const head = await this.checkpoints.lock(tx, batch.stream);
    const fresh = unseen(batch, head.nextOffset);
    if (fresh.length === 0) return { fresh, events: [], deadLetters: [], changes: [] };

    const state = await this.stateAt(tx, batch.stream, head.version);
    const profiles = await this.sourceDirectory.profilesOf(fresh.map((m) => m.envelope.sourceId));
    const assets = await this.assetDirectory.index();
    const { events, deadLetters } = prepareBatch(fresh, { stream: batch.stream, defaultTimeZone: this.config.timeZone, profiles, assets });
    await this.events.copy(tx, events);
    await this.events.touchSystemSources(tx, events);
    await this.deadLetters.insert(tx, deadLetters);
    // Before the commit: a crash after it would otherwise lose the announcement (a retry may repeat it).
    await this.transport.publishDeadLetters(deadLetters);
    await this.sources.touch(tx, lastSeenBySource(fresh));

    const engine = this.rules.engine();
    const now = this.clock.now();
    const detected = engine.evaluate(events, state, batch.stream, { ...this.rules.context(), now, intel: await this.intel.index() });
    const changes = await this.applyDetection(tx, detected);

    const nextOffset = batch.durableOffsets ? (BigInt(fresh[fresh.length - 1]!.offset!) + 1n).toString() : undefined;
    const version = await this.checkpoints.save(tx, batch.stream, nextOffset, state);
    this.stateCache.set(batch.stream, { version, state, lastBatchAt: now.getTime() });
    return { fresh, events, deadLetters, changes };
  }

  /** Counted only once the batch committed, so a retried batch is not counted twice. */
  private count(batch: StreamBatch, { fresh, events, deadLetters, changes }: BatchOutcome): void {
    this.metrics.eventsSkippedAsDuplicates.inc(batch.messages.length - fresh.length);
    for (const { envelope } of fresh) this.metrics.eventsReceived.inc({ transport: envelope.transport });
    for (const { event } of events) this.metrics.eventsParsed.inc({ dataset: event.event.dataset ?? 'unknown' });
    for (const letter of deadLetters) this.metrics.eventsDeadLettered.inc({ source_id: letter.sourceId });
    this.countAlerts(changes);
  }

  private countAlerts(changes: readonly AlertChange[]): void {
    for (const c of changes) (c.change === 'created' ? this.metrics.alertsCreated : this.metrics.alertsUpdated).inc({ rule_id: c.alert.ruleId });
  }

  /**
   * Judges the correlation windows of streams that have been quiet for the lateness budget: nothing
   * can still arrive on time for them, so their alerts need not wait for the next event. Each in its
   * own transaction, under the stream's checkpoint lock, skipped if another batch moved the stream on.
   */
  async flushIdleStreams(): Promise<number> {
    const engine = this.rules.engine();
    const now = this.clock.now();
    let flushed = 0;
    for (const [stream, cached] of [...this.stateCache]) {
      if (now.getTime() - cached.lastBatchAt < this.config.detection.latenessMs || !engine.hasPending(cached.state)) continue;
      try {
        const changes = await this.transactions.run(async (tx) => {
          const head = await this.checkpoints.lock(tx, stream);
          if (head.version !== cached.version) return undefined;
          const found = await this.applyDetection(tx, engine.flushIdle(cached.state, stream, { ...this.rules.context(), now }));
          const version = await this.checkpoints.save(tx, stream, head.nextOffset, cached.state);
          this.stateCache.set(stream, { ...cached, version });
          return found;
        });
        if (changes) {
          flushed += 1;
          this.countAlerts(changes);
        }
      } catch (error) {
        this.stateCache.delete(stream);
        this.logger.error({ err: error, stream }, 'idle correlation flush failed; the next batch will pick it up');
      }
    }
    return flushed;
  }

  /** Writes a detection outcome: alerts, live messages, health. */
  private async applyDetection(tx: Tx, { findings, health }: DetectionOutcome): Promise<AlertChange[]> {
    for (const item of health) this.reportHealth(item);
    const stored = await this.alerts.applyFindings(tx, findings);
    const { alerts: changes, incidents } = await this.incidents.group(tx, stored);
    await this.outbox.append(tx, [
      ...changes.map((c) => ({ type: `alert.${c.change}` as const, agencyId: c.alert.agencyId, priority: c.alert.priority, payload: c.alert })),
      ...incidentMessages(incidents),
    ]);
    return changes;
  }

  private reportHealth(item: DetectionHealth): void {
    this.metrics.detectionHealth.inc({ kind: item.kind, rule_id: item.ruleId ?? '' }, item.count);
    if (item.kind !== 'late_events') this.logger.warn(item, 'detection health');
  }

  private async stateAt(tx: Tx, stream: string, version: string): Promise<DetectionState> {
    const cached = this.stateCache.get(stream);
    if (cached?.version === version) return cached.state;
    this.stateCache.delete(stream);
    return usableState(await this.checkpoints.loadState(tx, stream));
  }
}

/** Records at or past the stored offset; a redelivered record below it is already stored. */
function unseen(batch: StreamBatch, nextOffset: string | undefined): StreamMessage[] {
  if (!batch.durableOffsets || nextOffset === undefined) return batch.messages;
  const from = BigInt(nextOffset);
  return batch.messages.filter((m) => BigInt(m.offset!) >= from);
}

/** Each source's latest receipt time in the batch (source health). */
function lastSeenBySource(messages: readonly StreamMessage[]): Map<string, Date> {
  const lastSeen = new Map<string, Date>();
  for (const { envelope } of messages) {
    const seen = lastSeen.get(envelope.sourceId);
    if (!seen || envelope.receivedAt > seen) lastSeen.set(envelope.sourceId, envelope.receivedAt);
  }
  return lastSeen;
}
