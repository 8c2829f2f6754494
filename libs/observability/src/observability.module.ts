import { Global, Module } from '@nestjs/common';
import { MetricsService } from './metrics.service';

/** Metrics are used by every layer, so the one registry is global. */
@Global()
@Module({ providers: [MetricsService], exports: [MetricsService] })
export class ObservabilityModule {}
