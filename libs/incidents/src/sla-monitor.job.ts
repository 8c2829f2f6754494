import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { type Clock, CLOCK, scheduleInterval, SOC_CONFIG, SOC_LOGGER, type SocConfig, type SocLogger } from '@soc/shared';
import { TransactionRunner, tryTransactionLock } from '@soc/storage';
import { BreachAnnouncer } from './breach-announcer';
import { IncidentsRepository, toIncidentSummary } from './incidents.repository';
import { SLA_LABELS, type SlaKind } from './pure';

const SLA_LOCK = 7_201_006;
const PAGE = 200;
export const SLA_ACTOR = 'system:sla';

/**
 * Raises `sla.breached` once per incident and deadline (acknowledge, resolve) when it passes, with a timeline
 * entry and an audit record; one node per tick (advisory lock), any number of scheduler nodes.
 */
@Injectable()
export class SlaMonitor implements OnApplicationBootstrap {
  constructor(
    private readonly incidents: IncidentsRepository,
    private readonly breaches: BreachAnnouncer,
    private readonly transactions: TransactionRunner,
    private readonly scheduler: SchedulerRegistry,
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SOC_LOGGER) private readonly logger: SocLogger,
  ) {}

  onApplicationBootstrap(): void {
    scheduleInterval(this.scheduler, 'sla-monitor', this.config.incidents.slaCheckMs, () => this.tick());
  }

  tick(): void {
    this.check().catch((error: unknown) => this.logger.error({ err: error }, 'SLA check failed'));
  }

  /** Records the breaches due now; returns how many. */
  check(): Promise<number> {
    return this.transactions.run(async (tx) => {
      if (!(await tryTransactionLock(tx, SLA_LOCK))) return 0;
      const now = this.clock.now();
      let breaches = 0;
      for (const row of await this.incidents.dueForBreach(tx, now, PAGE)) {
        const kinds: SlaKind[] = [];
        if (!row.ack_breached_at && !row.acknowledged_at && row.ack_due_at <= now) kinds.push('acknowledge');
        if (!row.resolve_breached_at && !row.resolved_at && row.resolve_due_at <= now) kinds.push('resolve');
        if (kinds.length === 0) continue;
        const updated = await this.incidents.update(tx, row.id, {
          ...(kinds.includes('acknowledge') ? { ack_breached_at: now } : {}),
          ...(kinds.includes('resolve') ? { resolve_breached_at: now } : {}),
        });
        const incident = toIncidentSummary(updated);
        for (const kind of kinds) {
          const due = kind === 'acknowledge' ? incident.sla.acknowledgeBy : incident.sla.resolveBy;
          const details = { sla: kind, label: SLA_LABELS[kind], dueAt: due, priority: incident.priority };
          await this.breaches.announce(tx, incident, { actor: SLA_ACTOR, kind: 'sla_breached', action: 'incidents.sla_breached', details });
          breaches += 1;
        }
      }
      if (breaches > 0) this.logger.warn({ breaches }, 'SLA deadlines passed');
      return breaches;
    });
  }
}
