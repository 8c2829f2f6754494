import { Global, Module } from '@nestjs/common';
import { RulesRegistry } from './rules-registry.service';

/** The detection rules in force, for ingest (and the rules API). */
@Global()
@Module({ providers: [RulesRegistry], exports: [RulesRegistry] })
export class RulesModule {}
