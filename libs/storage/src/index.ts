export * from './data-source-options';
export * from './embedded-postgres.server';
export * from './migrate';
export * from './transaction';
export * from './database-probe';
export * from './database.module';
export * from './typeorm-pino.logger';
export * from './event-partitions.repository';
