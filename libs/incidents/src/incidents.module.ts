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
import { SlaMonitor } from './sla-monitor.job';

/** Alerts → incidents, for nodes that run detection (ingest). */
@Module({ imports: [AlertsModule, InventoryModule], providers: [IncidentsRepository, IncidentAssessor, IncidentGrouper], exports: [IncidentsRepository, IncidentAssessor, IncidentGrouper] })
export class IncidentGroupingModule {}

/** The response workflow behind the incidents API (api nodes; the controller is mounted by the app). */
@Module({ imports: [IncidentGroupingModule, AlertsModule, EventsModule, OutboxModule, AuthModule], providers: [IncidentsService], exports: [IncidentsService] })
export class IncidentsModule {}

/** SLA deadlines (scheduler nodes). */
@Module({ imports: [IncidentGroupingModule, OutboxModule], providers: [SlaMonitor] })
export class SlaJobsModule {}
