import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { MetricsService } from '@soc/observability';
import { SOC_CONFIG, type SocConfig } from '@soc/shared';
import { NationalConnectorRepository } from './national-connector.repository';

/**
 * The connector's Prometheus series, on the app's one registry (scheduler nodes, where it runs).
 * The backlog is counted when scraped, so an idle connector costs no query per poll.
 */
@Injectable()
export class NationalConnectorMetrics {
  readonly delivered: Counter<'channel'>;
  readonly failures: Counter<'channel' | 'code'>;
  readonly lastSuccess: Gauge<'channel'>;

  constructor(metrics: MetricsService, repository: NationalConnectorRepository, @Inject(SOC_CONFIG) config: SocConfig) {
    const registers = [metrics.registry];
    const { channel, types } = config.national;
    this.delivered = new Counter({ name: 'soc_national_messages_delivered_total', help: 'Outbox messages accepted by the national monitoring center, by channel', labelNames: ['channel'], registers });
    this.failures = new Counter({ name: 'soc_national_delivery_failures_total', help: 'Batches the national monitoring center did not accept, by channel and failure code', labelNames: ['channel', 'code'], registers });
    this.lastSuccess = new Gauge({ name: 'soc_national_last_success_timestamp_seconds', help: 'When a batch was last accepted by the national monitoring center', labelNames: ['channel'], registers });
    new Gauge({
      name: 'soc_national_backlog',
      help: 'Outbox messages waiting for delivery to the national monitoring center',
      labelNames: ['channel'],
      registers,
      async collect() {
        const state = await repository.state(channel);
        if (state) this.set({ channel }, await repository.backlog(state.lastDeliveredSeq, types));
      },
    });
  }
}
