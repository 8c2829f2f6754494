import { Module } from '@nestjs/common';
import { OutboxModule } from '@soc/realtime';
import { ConnectorStatusService } from './connector-status.service';
import { NationalConnectorJob } from './national-connector.job';
import { NationalConnectorMetrics } from './national-connector.metrics';
import { NationalConnectorRepository } from './national-connector.repository';

/** The connector's status (api nodes; the controller is mounted by the app). */
@Module({ providers: [NationalConnectorRepository, ConnectorStatusService], exports: [NationalConnectorRepository, ConnectorStatusService] })
export class NationalStatusModule {}

/** Delivery to the national center (scheduler nodes; one delivers at a time). */
@Module({ imports: [NationalStatusModule, OutboxModule], providers: [NationalConnectorJob, NationalConnectorMetrics], exports: [NationalConnectorJob] })
export class NationalJobsModule {}
