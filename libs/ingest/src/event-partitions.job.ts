import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { CLOCK, type Clock, SOC_CONFIG, SOC_LOGGER, type SocConfig, type SocLogger } from '@soc/shared';
import { EventPartitionsRepository, TransactionRunner, tryTransactionLock } from '@soc/storage';
import { planPartitions, RETENTION_CLASSES } from './retention-plan';

const PARTITIONS_LOCK = 7_201_005;

export interface PartitionReport {
  created: string[];
  movedRows: number;
  dropped: string[];
  /** Rows deleted from days kept for other security levels, and from the default partition. */
  trimmedRows: number;
}

const isoDay = (day: number) => new Date(day).toISOString().slice(0, 10);

/**
 * Keeps daily event partitions ahead of time and retires events by their system's security level
 * (whole days dropped once every level is done with them); one node per tick (advisory lock).
 */
@Injectable()
export class EventPartitionsJob implements OnApplicationBootstrap {
  /** The run in progress on this node, if any. */
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly partitions: EventPartitionsRepository,
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SOC_LOGGER) private readonly logger: SocLogger,
  ) {}

  /** At start too, so a fresh install has today's partition before the first hourly tick. */
  onApplicationBootstrap(): void {
    this.tick();
  }

  @Interval('event-partitions', 3_600_000)
  tick(): void {
    this.maintain().catch((error: unknown) => this.logger.error({ err: error }, 'event partition maintenance failed'));
  }

  /**
   * One run at a time on this node: a call while the start-up or hourly run is going waits for it and then runs
   * (otherwise the advisory lock, meant for other nodes, would make it skip silently).
   */
  maintain(): Promise<PartitionReport> {
    const run = this.running.catch(() => undefined).then(() => this.maintainOnce());
    this.running = run;
    return run;
  }

  private maintainOnce(): Promise<PartitionReport> {
    return this.transactions.run(async (tx) => {
      const report: PartitionReport = { created: [], movedRows: 0, dropped: [], trimmedRows: 0 };
      if (!(await tryTransactionLock(tx, PARTITIONS_LOCK))) return report;
      const existing = (await this.partitions.existing()).map((d) => d.getTime());
      const trimmed = await this.partitions.trimmedClasses();
      const plan = planPartitions(this.clock.now(), existing, trimmed, this.config.retention);
      if (plan.create.length + plan.drop.length > 0) await this.partitions.lockAgainstWriters(tx);
      for (const day of plan.create) {
        report.movedRows += await this.partitions.create(tx, new Date(day));
        report.created.push(isoDay(day));
      }
      for (const day of plan.drop) {
        await this.partitions.drop(tx, new Date(day));
        report.dropped.push(isoDay(day));
      }
      for (const { day, classes } of plan.trim) report.trimmedRows += await this.partitions.trimDay(tx, new Date(day), classes);
      const cutoffs = RETENTION_CLASSES.map((c) => new Date(plan.defaultCutoffs.get(c)!));
      report.trimmedRows += await this.partitions.trimDefault(tx, cutoffs);
      if (report.created.length + report.dropped.length + report.trimmedRows > 0) this.logger.info(report, 'event partitions maintained');
      return report;
    });
  }
}
