export * from './event-search';
export * from './events-search.repository';
export * from './events.controller';
export * from './events.module';
