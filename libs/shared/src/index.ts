export * from './cache/refreshing-snapshot';
export * from './clock/clock';
export * from './config/soc-config';
export * from './errors/error-code';
export * from './errors/soc-error';
export * from './logging/logger';
export * from './scope/agency-scope';
export * from './core.module';
