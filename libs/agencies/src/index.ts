export * from './agencies.controller';
export * from './agencies.module';
export * from './agencies.repository';
