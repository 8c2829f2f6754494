import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SOC_CONFIG, SOC_LOGGER, type SocConfig, type SocLogger } from '@soc/shared';
import { IngestPipeline } from './ingest-pipeline.service';

/**
 * On ingest nodes (which hold the streams' detection state): every few seconds, lets streams that have
 * been quiet for the lateness budget have their correlation windows judged, so an attack that stopped
 * is alerted on without waiting for the next event on its stream.
 */
@Injectable()
export class IdleCorrelationFlush implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly pipeline: IngestPipeline,
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
    @Inject(SOC_LOGGER) private readonly logger: SocLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.detection.idleCheckMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.pipeline
      .flushIdleStreams()
      .catch((error: unknown) => this.logger.error({ err: error }, 'idle correlation flush failed'))
      .finally(() => (this.running = undefined));
  }
}
