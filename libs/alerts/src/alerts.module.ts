import { Module } from '@nestjs/common';
import { AlertsRepository } from './alerts.repository';

/** Alert storage; the HTTP controller is mounted by the app only on nodes with the `api` role. */
@Module({
  providers: [AlertsRepository],
  exports: [AlertsRepository],
})
export class AlertsModule {}
