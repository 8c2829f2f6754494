import { Module } from '@nestjs/common';
import { OutboxModule } from '@soc/realtime';
import { PeriodicReports } from './periodic-reports.service';
import { ReportScheduler } from './report-scheduler';
import { ReportsRepository } from './reports.repository';

/** Periodic reports on demand (api nodes; the controller is mounted by the app). */
@Module({ imports: [OutboxModule], providers: [ReportsRepository, PeriodicReports], exports: [ReportsRepository, PeriodicReports] })
export class ReportsModule {}

/** Periodic reports on their schedules (scheduler nodes). */
@Module({ imports: [ReportsModule], providers: [ReportScheduler], exports: [ReportScheduler] })
export class ReportSchedulerModule {}
