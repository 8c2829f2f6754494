export * from './client-feed';
export * from './client-message';
export * from './feed-filter';
export * from './live-feed.gateway';
export * from './live-feed-ack.repository';
export * from './live-message';
export * from './outbox.repository';
export * from './realtime.module';
