export * from './national-message';
export * from './to-national-message';
