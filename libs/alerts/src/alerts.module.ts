import { Module } from '@nestjs/common';
import { OutboxModule } from '@soc/realtime';
import { AlertsRepository } from './alerts.repository';
import { AlertsService } from './alerts.service';

/** Alert storage and triage; the HTTP controller is mounted by the app only on nodes with the `api` role. */
@Module({
  imports: [OutboxModule],
  providers: [AlertsRepository, AlertsService],
  exports: [AlertsRepository, AlertsService],
})
export class AlertsModule {}
