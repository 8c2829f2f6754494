import { Global, Module } from '@nestjs/common';
import { RulesRegistry } from './rules-registry.service';
import { RulesRepository } from './rules.repository';
import { RulesService } from './rules.service';

/** The detection rules in force, for ingest and for the rules API. */
@Global()
@Module({ providers: [RulesRegistry, RulesRepository, RulesService], exports: [RulesRegistry, RulesRepository, RulesService] })
export class RulesModule {}
