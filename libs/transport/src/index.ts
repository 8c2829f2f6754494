export * from './event-transport';
export * from './in-process.transport';
export * from './kafka.transport';
export * from './transport.module';
export * from './probe-kafka';
