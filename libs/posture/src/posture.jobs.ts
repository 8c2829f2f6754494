import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { OutboxRepository } from '@soc/realtime';
import { ALL_AGENCIES, CLOCK, type Clock, SOC_CONFIG, SOC_LOGGER, type SocConfig, type SocLogger, localDay } from '@soc/shared';
import { TransactionRunner, tryTransactionLock } from '@soc/storage';

import { PostureReports } from './posture-reports.service';
import { PostureRepository } from './posture.repository';
import { PostureService } from './posture.service';
import { type Deadline, DEFAULT_REGIME_ID, provinceDeadlines, regimeOf, reminderStage } from './pure';

const POSTURE_JOBS_LOCK = 7_201_007;
const HOUR_MS = 3_600_000;
/** Reminders look this far ahead (the earliest stage is 14 days). */
const REMINDER_HORIZON_DAYS = 14;

/**
 * The scheduler's posture duties, hourly and at start, one node per tick (advisory lock): today's KPI snapshot
 * (for trends), and deadline reminders — assessments due, the annual and half-yearly reports — pushed on the
 * live feed to the responsible agency's users and the province's, each once per deadline and stage.
 */
@Injectable()
export class PostureJobs implements OnApplicationBootstrap {
  constructor(
    private readonly posture: PostureService,
    private readonly reports: PostureReports,
    private readonly repository: PostureRepository,
    private readonly outbox: OutboxRepository,
    private readonly transactions: TransactionRunner,
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SOC_LOGGER) private readonly logger: SocLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.tick();
  }

  @Interval('posture-jobs', HOUR_MS)
  tick(): void {
    this.run().catch((error: unknown) => this.logger.error({ err: error }, 'posture jobs failed'));
  }

  /** Returns the reminders sent (none when another node holds the lock). */
  run(): Promise<Deadline[]> {
    return this.transactions.run(async (tx) => {
      if (!(await tryTransactionLock(tx, POSTURE_JOBS_LOCK))) return [];
      await this.reports.snapshot(tx);
      const today = localDay(this.clock.now(), this.config.timeZone);
      const postures = await this.posture.assemble(ALL_AGENCIES);
      const due: Array<{ deadline: Deadline; agencyId: string | null; systemName: string | null }> = [
        ...postures.flatMap((p) => p.view.deadlines.filter((d) => d.daysLeft <= REMINDER_HORIZON_DAYS).map((deadline) => ({ deadline, agencyId: p.view.agencyId, systemName: p.view.name }))),
        ...provinceDeadlines(regimeOf(DEFAULT_REGIME_ID), today, REMINDER_HORIZON_DAYS).map((deadline) => ({ deadline, agencyId: null, systemName: null })),
      ];
      const sent: Deadline[] = [];
      for (const { deadline, agencyId, systemName } of due) {
        const stage = reminderStage(deadline.daysLeft);
        if (stage === undefined || !(await this.repository.claimReminder(tx, `${deadline.key}:${stage}`))) continue;
        await this.outbox.append(tx, [{ type: 'posture.deadline', agencyId, payload: { ...deadline, systemName, stage } }]);
        sent.push(deadline);
      }
      if (sent.length > 0) this.logger.info({ reminders: sent.length }, 'deadline reminders sent');
      return sent;
    });
  }
}
