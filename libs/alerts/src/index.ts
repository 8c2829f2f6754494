export * from './alert.view';
export * from './alerts.module';
export * from './alerts.repository';
export * from './alerts.controller';
export * from './alerts.service';
