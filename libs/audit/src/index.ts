export * from './audit-chain';
export * from './audit-trail.service';
export * from './audit.module';
export * from './audit.repository';
