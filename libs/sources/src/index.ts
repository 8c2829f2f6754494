export * from './source-directory';
export * from './sources.controller';
export * from './sources.module';
export * from './sources.repository';
export * from './sources.service';
