import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail } from '@soc/audit';
import { OutboxRepository } from '@soc/realtime';
import { CLOCK, type Clock, ErrorCode, SOC_CONFIG, type SocConfig, SocError, startOfLocalDay } from '@soc/shared';
import { TransactionRunner, tryTransactionLock } from '@soc/storage';
import { type PeriodicReportContent, type PeriodicReportRecord, summaryOf } from './periodic-report';
import { REPORT_KINDS, REPORT_TITLES, type ReportKind, type ReportPeriod } from './pure';
import { ReportsRepository } from './reports.repository';

const TOP = 10;
/** One generation per kind at a time across nodes. */
const REPORT_LOCK_BASE = 7_201_100;

/** Generates, stores and announces the periodic reports, on schedule or on demand. */
@Injectable()
export class PeriodicReports {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditTrail,
    private readonly transactions: TransactionRunner,
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Builds the report of `period` and stores it (replacing an earlier one of the same period), announced on the
   * live feed as `report.ready`. A scheduled run that finds the period already reported (another node) does nothing.
   */
  async generate(kind: ReportKind, period: ReportPeriod, trigger: 'scheduled' | 'on_demand', actor: string): Promise<PeriodicReportRecord | undefined> {
    if (period.to <= period.from) throw new SocError(ErrorCode.ValidationFailed, 'the period must end after it starts');
    if (trigger === 'scheduled' && (await this.reports.exists(kind, period.from, period.to))) return undefined;
    const content = await this.content(kind, period);
    return this.transactions.run(async (tx) => {
      if (!(await tryTransactionLock(tx, REPORT_LOCK_BASE + REPORT_KINDS.indexOf(kind)))) return undefined;
      const record = await this.reports.save(tx, { kind, periodFrom: period.from, periodTo: period.to, trigger, requestedBy: actor, content });
      await this.outbox.append(tx, [{ type: 'report.ready', agencyId: null, payload: { ...summaryOf(record), title: content.title, incidents: content.incidents.total } }]);
      await this.audit.record({ actor, action: 'reports.generated', target: `report:${record.id}`, agencyId: null, details: { kind, ...period, trigger } }, tx);
      return record;
    });
  }

  async content(kind: ReportKind, period: ReportPeriod): Promise<PeriodicReportContent> {
    const from = startOfLocalDay(period.from, this.config.timeZone);
    const to = startOfLocalDay(period.to, this.config.timeZone);
    const [figures, alerts, topAttackers, topSystems] = await Promise.all([
      this.reports.incidentFigures(from, to),
      this.reports.alertFigures(from, to),
      this.reports.topAttackers(from, to, TOP),
      this.reports.topSystems(from, to, TOP),
    ]);
    return {
      kind,
      title: REPORT_TITLES[kind],
      period,
      timeZone: this.config.timeZone,
      province: this.config.province.name,
      authority: this.config.province.authority,
      generatedAt: this.clock.now().toISOString(),
      ...figures,
      alerts,
      topAttackers,
      topSystems,
    };
  }

  async get(id: string): Promise<PeriodicReportRecord> {
    const report = await this.reports.get(id);
    if (!report) throw new SocError(ErrorCode.NotFound, 'no such report');
    return report;
  }
}
