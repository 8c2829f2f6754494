import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@soc/shared';
import { Tx } from '@soc/storage';
import { AuditEntry } from './audit-chain';
import { AuditRepository } from './audit.repository';

/** Records a security-relevant action, stamped with the current time; in the caller's transaction when given. */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly repository: AuditRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  record(entry: Omit<AuditEntry, 'at'>, tx?: Tx): Promise<void> {
    return this.repository.append({ ...entry, at: this.clock.now().toISOString() }, tx);
  }
}
