import { BeforeApplicationShutdown, DynamicModule, Global, Inject, Injectable, Module } from '@nestjs/common';
import { MetricsService } from '@soc/observability';
import { SOC_CONFIG, SOC_LOGGER, type SocConfig, type SocLogger } from '@soc/shared';
import { EVENT_TRANSPORT, type EventTransport } from './event-transport';
import { InProcessTransport } from './in-process.transport';
import { KafkaTransport } from './kafka.transport';

/** Closes the transport first on shutdown, so no batch is mid-flight when the database pool closes. */
@Injectable()
class TransportCloser implements BeforeApplicationShutdown {
  constructor(@Inject(EVENT_TRANSPORT) private readonly transport: EventTransport) {}

  beforeApplicationShutdown(): Promise<void> {
    return this.transport.close();
  }
}

/** Kafka when `KAFKA_BROKERS` is set, else the in-process bus; nothing above this module knows which. */
@Global()
@Module({})
export class TransportModule {
  static forRoot(): DynamicModule {
    return {
      module: TransportModule,
      providers: [
        {
          provide: EVENT_TRANSPORT,
          inject: [SOC_CONFIG, SOC_LOGGER, MetricsService],
          useFactory: async (config: SocConfig, logger: SocLogger, metrics: MetricsService): Promise<EventTransport> => {
            if (!config.kafka) return new InProcessTransport(config.ingest.batchSize);
            const kafka = new KafkaTransport(config.kafka, logger.child({ component: 'kafka' }), metrics);
            await kafka.connect();
            return kafka;
          },
        },
        TransportCloser,
      ],
      exports: [EVENT_TRANSPORT],
    };
  }
}
