export * from './audit-chain';
export * from './audit.module';
export * from './audit.repository';
