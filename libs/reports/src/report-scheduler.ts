import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import cron, { type ScheduledTask } from 'node-cron';
import { CLOCK, type Clock, localDay, SOC_CONFIG, SOC_LOGGER, type SocConfig, type SocLogger } from '@soc/shared';
import { PeriodicReports } from './periodic-reports.service';
import { reportPeriod, type ReportKind } from './pure';
import { type ReportSchedule, ReportsRepository } from './reports.repository';

/** Schedules change in the database (from any API node): each scheduler node re-reads them this often. */
const RELOAD_MS = 60_000;
export const SCHEDULER_ACTOR = 'system:scheduler';

/**
 * Runs the periodic reports with node-cron on the schedules kept in `report_schedules`, in the province's zone.
 * Every scheduler node runs them; the first to generate a period wins and the others find it done.
 */
@Injectable()
export class ReportScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private tasks = new Map<ReportKind, { signature: string; task: ScheduledTask }>();
  private reload?: NodeJS.Timeout;

  constructor(
    private readonly reports: ReportsRepository,
    private readonly periodic: PeriodicReports,
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SOC_LOGGER) private readonly logger: SocLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sync().catch((error: unknown) => this.logger.error({ err: error }, 'report schedules could not be read'));
    this.reload = setInterval(() => void this.sync().catch((error: unknown) => this.logger.warn({ err: error }, 'report schedules reload failed')), RELOAD_MS);
    this.reload.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.reload);
    for (const { task } of this.tasks.values()) await task.destroy();
    this.tasks.clear();
  }

  /** Registers, replaces or removes cron tasks to match the stored schedules. */
  async sync(): Promise<ReportSchedule[]> {
    const schedules = await this.reports.schedules();
    for (const schedule of schedules) {
      const signature = `${schedule.cron}|${schedule.enabled}`;
      const current = this.tasks.get(schedule.kind);
      if (current?.signature === signature) continue;
      if (current) await current.task.destroy();
      this.tasks.delete(schedule.kind);
      if (!schedule.enabled) continue;
      const task = cron.schedule(schedule.cron, () => this.run(schedule.kind), { timezone: this.config.timeZone, name: `report-${schedule.kind}`, noOverlap: true });
      task.unref();
      this.tasks.set(schedule.kind, { signature, task });
    }
    return schedules;
  }

  /** One scheduled run: the period that ends where today starts (local). */
  async run(kind: ReportKind): Promise<void> {
    try {
      const report = await this.periodic.generate(kind, reportPeriod(kind, localDay(this.clock.now(), this.config.timeZone)), 'scheduled', SCHEDULER_ACTOR);
      if (report) this.logger.info({ kind, period: [report.periodFrom, report.periodTo] }, 'periodic report generated');
    } catch (error) {
      this.logger.error({ err: error, kind }, 'periodic report failed');
    }
  }

  nextRuns(): Record<string, string | null> {
    return Object.fromEntries([...this.tasks].map(([kind, { task }]) => [kind, task.getNextRun()?.toISOString() ?? null]));
  }
}
