import { Module } from '@nestjs/common';
import { AlertsModule } from '@soc/alerts';
import { IncidentGroupingModule } from '@soc/incidents';
import { OutboxModule } from '@soc/realtime';
import { CheckpointsRepository } from './checkpoints.repository';
import { DeadLetterReplay } from './dead-letter-replay.service';
import { DeadLettersRepository } from './dead-letters.repository';
import { EventsRepository } from './events.repository';
import { IdleCorrelationFlush } from './idle-correlation-flush';
import { IngestPipeline } from './ingest-pipeline.service';
import { EventPartitionsJob } from './event-partitions.job';
import { SourceHealthMonitor } from './source-health.monitor';

/** Dead-letter replay needs only storage and the parsers (the CLI runs it without a consumer). */
@Module({
  providers: [DeadLetterReplay, EventsRepository, DeadLettersRepository],
  exports: [DeadLetterReplay],
})
export class DeadLetterReplayModule {}

/** The ingest worker (`ingest` role): consumes the raw stream and runs the pipeline. */
@Module({
  imports: [AlertsModule, OutboxModule, IncidentGroupingModule],
  providers: [IngestPipeline, IdleCorrelationFlush, EventsRepository, DeadLettersRepository, CheckpointsRepository],
  exports: [IngestPipeline],
})
export class IngestPipelineModule {}

/**
 * Jobs of the `scheduler` role: the source-health check (silent sources become alerts, cleared when
 * they resume) and daily event partitions with retention.
 */
@Module({
  imports: [AlertsModule, OutboxModule],
  providers: [SourceHealthMonitor, EventPartitionsJob],
  exports: [SourceHealthMonitor, EventPartitionsJob],
})
export class SchedulerJobsModule {}
