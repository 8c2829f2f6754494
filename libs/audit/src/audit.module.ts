import { Global, Module } from '@nestjs/common';
import { AuditRepository } from './audit.repository';

/** Every module records security-relevant actions, so the audit writer is global. */
@Global()
@Module({ providers: [AuditRepository], exports: [AuditRepository] })
export class AuditModule {}
