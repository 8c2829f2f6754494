export * from './periodic-report';
export * from './periodic-reports.service';
export * from './pure';
export * from './report-renderers';
export * from './report-scheduler';
export * from './reports.controller';
export * from './reports.module';
export * from './reports.repository';
