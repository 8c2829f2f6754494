export * from './audit-chain';
export * from './audit-chain-reader';
export * from './audit-trail.service';
export * from './audit-verification';
export * from './audit.module';
export * from './audit.repository';
