import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

/** Every counter the SOC exposes at `/metrics`. One registry per app instance, so tests never collide. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly eventsReceived = new Counter({
    name: 'soc_events_received_total',
    help: 'Raw records taken from the transport, by transport',
    labelNames: ['transport'] as const,
    registers: [this.registry],
  });
  readonly eventsParsed = new Counter({
    name: 'soc_events_parsed_total',
    help: 'Records parsed and stored as security events, by dataset',
    labelNames: ['dataset'] as const,
    registers: [this.registry],
  });
  readonly eventsDeadLettered = new Counter({
    name: 'soc_events_dead_lettered_total',
    help: 'Records that could not be parsed, stored in dead_letters, by source',
    labelNames: ['source_id'] as const,
    registers: [this.registry],
  });
  readonly eventsSkippedAsDuplicates = new Counter({
    name: 'soc_events_redelivered_skipped_total',
    help: 'Redelivered records skipped because their offset was already committed',
    registers: [this.registry],
  });
  readonly alertsCreated = new Counter({
    name: 'soc_alerts_created_total',
    help: 'Alerts created, by rule',
    labelNames: ['rule_id'] as const,
    registers: [this.registry],
  });
  readonly alertsUpdated = new Counter({
    name: 'soc_alerts_updated_total',
    help: 'Open alerts extended by further matching events, by rule',
    labelNames: ['rule_id'] as const,
    registers: [this.registry],
  });
  readonly detectionHealth = new Counter({
    name: 'soc_detection_health_total',
    help: 'Detection problems: correlation state caps hit (groups dropped), events too late to correlate, events stamped in the future',
    labelNames: ['kind', 'rule_id'] as const,
    registers: [this.registry],
  });
  readonly syslogReceived = new Counter({
    name: 'soc_syslog_received_total',
    help: 'Syslog messages received, by transport (udp, tcp, tls)',
    labelNames: ['transport'] as const,
    registers: [this.registry],
  });
  readonly syslogDropped = new Counter({
    name: 'soc_syslog_dropped_total',
    help: 'Syslog messages not handed to the pipeline, by reason (queue full on UDP, publish failed, frame too long)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly batchFailures = new Counter({
    name: 'soc_ingest_batch_failures_total',
    help: 'Ingest batches whose transaction failed and will be retried',
    registers: [this.registry],
  });
  readonly consumerLagGauge = new Gauge({
    name: 'soc_consumer_lag',
    help: 'Records in the stream not yet processed (Kafka high watermark minus next offset)',
    labelNames: ['stream'] as const,
    registers: [this.registry],
  });
  readonly wsClients = new Gauge({
    name: 'soc_ws_clients',
    help: 'Connected WebSocket clients',
    registers: [this.registry],
  });
  readonly wsMessagesSent = new Counter({
    name: 'soc_ws_messages_sent_total',
    help: 'Live messages delivered to WebSocket clients',
    registers: [this.registry],
  });
  readonly wsSlowClientsClosed = new Counter({
    name: 'soc_ws_slow_clients_closed_total',
    help: 'WebSocket clients closed because their send buffer exceeded the limit',
    registers: [this.registry],
  });
  readonly wsMessagesReplayed = new Counter({
    name: 'soc_ws_messages_replayed_total',
    help: 'Stored live messages replayed to WebSocket clients that subscribed with since',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'soc_process_' });
  }

  /** Satisfies the transport's `TransportObserver` (structurally, so this library need not import it). */
  consumerLag(stream: string, lag: number): void {
    this.consumerLagGauge.set({ stream }, lag);
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
