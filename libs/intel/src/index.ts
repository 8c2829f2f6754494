export * from './pure';
export * from './intel-directory';
export * from './intel.controller';
export * from './intel.dto';
export * from './intel.module';
export * from './intel.repository';
export * from './intel.service';
