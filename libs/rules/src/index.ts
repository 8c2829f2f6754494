export * from './rule-files';
export * from './rules-registry.service';
export * from './rules.module';
