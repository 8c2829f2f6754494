export * from './rule-tester';
export * from './rules-registry.service';
export * from './rules.controller';
export * from './rules.dto';
export * from './rules.module';
export * from './rules.repository';
export * from './rules.service';
