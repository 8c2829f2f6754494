import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { CLOCK, type Clock, SOC_CONFIG, SOC_LOGGER, type SocConfig, type SocLogger } from '@soc/shared';
import { EventPartitionsRepository, TransactionRunner, tryTransactionLock } from '@soc/storage';

const PARTITIONS_LOCK = 7_201_005;
const DAY_MS = 86_400_000;
/** Days created ahead of time, so today's and tomorrow's events never land in the default partition. */
const DAYS_AHEAD = 7;
/** Recent past days created too: late events and replays are common. */
const DAYS_BEHIND = 3;

export interface PartitionReport {
  created: string[];
  movedRows: number;
  dropped: string[];
  trimmedRows: number;
}

/** Keeps daily event partitions ahead of time and drops days past retention; one node per tick (advisory lock). */
@Injectable()
export class EventPartitionsJob implements OnApplicationBootstrap {
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

  maintain(): Promise<PartitionReport> {
    return this.transactions.run(async (tx) => {
      const report: PartitionReport = { created: [], movedRows: 0, dropped: [], trimmedRows: 0 };
      if (!(await tryTransactionLock(tx, PARTITIONS_LOCK))) return report;
      const today = Math.floor(this.clock.now().getTime() / DAY_MS) * DAY_MS;
      const existing = new Set((await this.partitions.existing()).map((d) => d.getTime()));
      const horizon = today - this.config.retention.defaultDays * DAY_MS;
      const toCreate: number[] = [];
      for (let day = today - DAYS_BEHIND * DAY_MS; day <= today + DAYS_AHEAD * DAY_MS; day += DAY_MS) {
        if (!existing.has(day) && day >= horizon) toCreate.push(day);
      }
      const toDrop = [...existing].filter((day) => day < horizon);
      if (toCreate.length + toDrop.length > 0) await this.partitions.lockAgainstWriters(tx);
      for (const day of toCreate) {
        report.movedRows += await this.partitions.create(tx, new Date(day));
        report.created.push(new Date(day).toISOString().slice(0, 10));
      }
      for (const day of toDrop) {
        await this.partitions.drop(tx, new Date(day));
        report.dropped.push(new Date(day).toISOString().slice(0, 10));
      }
      report.trimmedRows = await this.partitions.trimDefault(tx, new Date(horizon));
      if (report.created.length + report.dropped.length + report.trimmedRows > 0) this.logger.info(report, 'event partitions maintained');
      return report;
    });
  }
}
