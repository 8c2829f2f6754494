import { Global, Module } from '@nestjs/common';
import { AuditTrail } from './audit-trail.service';
import { AuditRepository } from './audit.repository';

/** Every module records security-relevant actions, so the audit writer is global. */
@Global()
@Module({ providers: [AuditRepository, AuditTrail], exports: [AuditRepository, AuditTrail] })
export class AuditModule {}
