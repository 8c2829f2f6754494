export * from './dead-letter-replay.service';
export * from './checkpoints.repository';
export * from './dead-letters.repository';
export * from './events.repository';
export * from './ingest-pipeline.service';
export * from './ingest.controller';
export * from './ingest.module';
export * from './prepare-batch';
