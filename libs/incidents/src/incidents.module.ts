import { Module } from '@nestjs/common';
import { AlertsModule } from '@soc/alerts';
import { InventoryModule } from '@soc/inventory';
import { AuthModule } from '@soc/auth';
import { EventsModule } from '@soc/events';
import { OutboxModule } from '@soc/realtime';
import { IncidentAssessor } from './incident-assessor';
import { IncidentGrouper } from './incident-grouper.service';
import { IncidentsRepository } from './incidents.repository';
import { IncidentsService } from './incidents.service';
import { BreachAnnouncer } from './breach-announcer';
import { SlaMonitor } from './sla-monitor.job';
import { IncidentReportsController, IncidentReportsRepository, IncidentReportsService, ReportClockMonitor, ReportFactsRepository } from './reports';
import { SharingService } from './sharing/sharing.service';

/** Alerts → incidents, for nodes that run detection (ingest). */
@Module({
  imports: [AlertsModule, InventoryModule],
  providers: [IncidentsRepository, IncidentReportsRepository, IncidentAssessor, IncidentGrouper],
  exports: [IncidentsRepository, IncidentReportsRepository, IncidentAssessor, IncidentGrouper],
})
export class IncidentGroupingModule {}

/**
 * The response workflow behind the incidents API (api nodes; the incidents controller is mounted by the app). The
 * reports controller comes with this module, so every api node serves it without another app change.
 */
@Module({ imports: [IncidentGroupingModule, AlertsModule, EventsModule, OutboxModule, AuthModule], controllers: [IncidentReportsController], providers: [IncidentsService, SharingService, IncidentReportsService, ReportFactsRepository], exports: [IncidentsService, SharingService, IncidentReportsService] })
export class IncidentsModule {}

/** SLA deadlines and the report clocks (scheduler nodes). */
@Module({ imports: [IncidentGroupingModule, OutboxModule], providers: [BreachAnnouncer, SlaMonitor, ReportClockMonitor] })
export class SlaJobsModule {}
