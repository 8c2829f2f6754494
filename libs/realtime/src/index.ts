export * from './live-feed.gateway';
export * from './live-message';
export * from './outbox.repository';
export * from './realtime.module';
