import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { type Clock, CLOCK, scheduleInterval, SOC_CONFIG, SOC_LOGGER, type SocConfig, type SocLogger } from '@soc/shared';
import { TransactionRunner, tryTransactionLock, Tx } from '@soc/storage';
import { BreachAnnouncer } from '../breach-announcer';
import { IncidentRow, toIncidentSummary } from '../incidents.repository';
import { clockKey, type ReportClock, reportClocks, shownRules } from '../pure';
import { IncidentReportsRepository } from './incident-reports.repository';
import { clockFactsOf } from './report-deadlines';

const REPORT_CLOCK_LOCK = 7_201_031;
const PAGE = 200;
export const REPORT_CLOCK_ACTOR = 'system:report-clocks';

/**
 * Raises `sla.breached` (`sla` = `report:<regime>:<rule>`) once per incident and report clock when the clock
 * passes its due time with no initial report sent for its regime, with a timeline entry and an audit record;
 * one node per tick (advisory lock), like the SLA monitor.
 */
@Injectable()
export class ReportClockMonitor implements OnApplicationBootstrap {
  constructor(
    private readonly reports: IncidentReportsRepository,
    private readonly breaches: BreachAnnouncer,
    private readonly transactions: TransactionRunner,
    private readonly scheduler: SchedulerRegistry,
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SOC_LOGGER) private readonly logger: SocLogger,
  ) {}

  onApplicationBootstrap(): void {
    scheduleInterval(this.scheduler, 'report-clock-monitor', this.config.incidents.slaCheckMs, () => this.tick());
  }

  tick(): void {
    this.check().catch((error: unknown) => this.logger.error({ err: error }, 'report clock check failed'));
  }

  /** Raises the report clocks overdue now; returns how many. */
  check(): Promise<number> {
    return this.transactions.run(async (tx) => {
      if (!(await tryTransactionLock(tx, REPORT_CLOCK_LOCK))) return 0;
      const now = this.clock.now();
      let raised = 0;
      for (const rule of shownRules(this.config.reporting.regimes)) {
        const key = clockKey(rule.regime, rule.rule);
        for (const row of await this.reports.pastDue(tx, { key, regime: rule.regime, hours: rule.hours, condition: rule.condition }, now, PAGE)) {
          // The search narrows; the clock rules decide (the same function the incident detail shows).
          const clock = reportClocks([rule.regime], clockFactsOf(row, await this.reports.initialSubmissions(row.id, tx)), now).find((c) => c.key === key);
          if (!clock || clock.status !== 'overdue' || clock.submittedAt) continue;
          if (await this.raise(tx, row, clock, now)) raised += 1;
        }
      }
      if (raised > 0) this.logger.warn({ raised }, 'incident report deadlines passed');
      return raised;
    });
  }

  private async raise(tx: Tx, row: IncidentRow, clock: ReportClock, now: Date): Promise<boolean> {
    if (!(await this.reports.recordBreach(tx, row.id, clock.key, clock.dueAt, now))) return false;
    const incident = toIncidentSummary(row);
    const details = {
      sla: clock.key,
      label: `Quá hạn báo cáo sự cố: ${clock.label.vi} (${clock.label.en})`,
      regime: clock.regime,
      rule: clock.rule,
      recipient: clock.recipient.vi,
      dueAt: clock.dueAt.toISOString(),
      priority: incident.priority,
    };
    await this.breaches.announce(tx, incident, { actor: REPORT_CLOCK_ACTOR, kind: 'report_overdue', action: 'incidents.report_overdue', details });
    return true;
  }
}
