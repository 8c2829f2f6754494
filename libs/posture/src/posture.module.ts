import { Module } from '@nestjs/common';
import { OutboxModule } from '@soc/realtime';
import { PostureReports } from './posture-reports.service';
import { PostureJobs } from './posture.jobs';
import { PostureRepository } from './posture.repository';
import { PostureService } from './posture.service';
import { RequirementsModule } from './requirements';

/** Posture reads (api nodes; the controller is mounted by the app). */
@Module({ imports: [RequirementsModule], providers: [PostureRepository, PostureService, PostureReports], exports: [PostureService, PostureReports, PostureRepository] })
export class PostureModule {}

/** KPI snapshots and deadline reminders (scheduler nodes). */
@Module({ imports: [PostureModule, OutboxModule], providers: [PostureJobs] })
export class PostureJobsModule {}
