import { DynamicModule, Module, Type } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AgenciesController, AgenciesModule } from '@soc/agencies';
import { AlertsController, AlertsModule } from '@soc/alerts';
import { AuditModule } from '@soc/audit';
import { AuthController, AuthModule, UsersController } from '@soc/auth';
import { EventsController, EventsModule } from '@soc/events';
import { IncidentsController, IncidentsModule, SharingController, SlaJobsModule } from '@soc/incidents';
import { InventoryModule, SystemsController } from '@soc/inventory';
import { IntelController, IntelModule } from '@soc/intel';
import { IngestController, IngestPipelineModule, SchedulerJobsModule } from '@soc/ingest';
import { ConnectorStatusController, NationalJobsModule, NationalStatusModule } from '@soc/national';
import { MetricsController, ObservabilityModule } from '@soc/observability';
import { PostureController, PostureJobsModule, PostureModule, RequirementsController, RequirementsModule } from '@soc/posture';
import { ReportsController, ReportSchedulerModule, ReportsModule } from '@soc/reports';
import { RulesController, RulesModule } from '@soc/rules';
import { LiveFeedModule } from '@soc/realtime';
import { type Clock, CoreModule, type SocConfig, type SocLogger, systemClock } from '@soc/shared';
import { SourcesController, SourcesModule } from '@soc/sources';
import { DatabaseModule } from '@soc/storage';
import { SyslogModule } from '@soc/syslog';
import { TransportModule } from '@soc/transport';
import { MIGRATIONS } from '../../../migrations';
import { AuditController } from './audit/audit.controller';
import { FirstStartService } from './bootstrap/first-start.service';
import { HealthController } from './health/health.controller';

export interface AppOptions {
  config: SocConfig;
  /** The database actually used: `DATABASE_URL`, or the embedded server started by `main`. */
  databaseUrl: string;
  logger: SocLogger;
  clock?: Clock;
}

/**
 * Composes the modules this node's roles need (`SOC_ROLES`: api, ingest, scheduler). Access control
 * (the global guard, users, sources' keys, audit) is on every node: even an ingest-only node serves
 * /metrics, which is protected.
 */
@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, logger, clock = systemClock }: AppOptions): DynamicModule {
    const imports: Array<DynamicModule | Type> = [
      CoreModule.forRoot(config, logger, clock),
      ObservabilityModule,
      DatabaseModule.forRoot({ url: databaseUrl, poolSize: config.database.poolSize, entities: [], migrations: MIGRATIONS, logger }),
      TransportModule.forRoot(),
      AuditModule,
      AgenciesModule,
      SourcesModule,
      InventoryModule,
      IntelModule,
      AuthModule,
    ];
    const controllers: Type[] = [HealthController, MetricsController];
    const providers: Type[] = [];
    // The rules are compiled on ingest nodes (detection) and api nodes (the rules API and rule tests).
    if (config.roles.has('ingest') || config.roles.has('api')) imports.push(RulesModule);
    if (config.roles.has('ingest')) imports.push(IngestPipelineModule);
    if (config.roles.has('api')) {
      imports.push(AlertsModule, IncidentsModule, EventsModule, LiveFeedModule, SyslogModule, RequirementsModule, PostureModule, NationalStatusModule, ReportsModule);
      controllers.push(AuthController, UsersController, AgenciesController, SourcesController, SystemsController, RequirementsController, PostureController, IntelController, RulesController, AlertsController, IncidentsController, SharingController, ReportsController, EventsController, IngestController, AuditController, ConnectorStatusController);
      providers.push(FirstStartService);
    }
    if (config.roles.has('scheduler')) imports.push(ScheduleModule.forRoot(), SchedulerJobsModule, SlaJobsModule, PostureJobsModule, NationalJobsModule, ReportSchedulerModule);
    return { module: AppModule, imports, controllers, providers };
  }
}
