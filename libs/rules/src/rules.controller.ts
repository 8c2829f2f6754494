import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, Permission, type Principal, RequirePermission } from '@soc/auth';
import { RuleInfo } from '@soc/detection';
import { IntelDirectory } from '@soc/intel';
import { CLOCK, type Clock, ErrorCode, SOC_CONFIG, type SocConfig, SocError } from '@soc/shared';
import { RuleTestResult, testRules } from './rule-tester';
import { AddExceptionRequest, RuleView, SaveRuleRequest, SwitchRuleRequest, TestRulesRequest } from './rules.dto';
import { RulesRegistry } from './rules-registry.service';
import { RulesRepository, StoredException } from './rules.repository';
import { RulesService } from './rules.service';

@ApiTags('rules')
@ApiBearerAuth()
@Controller('api/v1/rules')
export class RulesController {
  constructor(
    private readonly registry: RulesRegistry,
    private readonly repository: RulesRepository,
    private readonly service: RulesService,
    private readonly intel: IntelDirectory,
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @RequirePermission(Permission.RulesRead)
  @ApiOperation({ summary: 'Luật phát hiện — the detection rules in force, and those that failed to load with why' })
  list(): { rules: RuleView[]; notLoaded: ReturnType<RulesRegistry['issues']> } {
    const rules = [...this.registry.engine().content.rules.values()].map((info) => this.view(info));
    return { rules, notLoaded: this.registry.issues() };
  }

  @Get(':id')
  @RequirePermission(Permission.RulesRead)
  async get(@Param('id') id: string): Promise<RuleView & { versions: Awaited<ReturnType<RulesRepository['versions']>> }> {
    const info = this.registry.engine().content.info(id);
    if (!info) throw new SocError(ErrorCode.NotFound, 'no such rule in force');
    return { ...this.view(info), versions: await this.repository.versions(id) };
  }

  @Post()
  @RequirePermission(Permission.RulesManage)
  @ApiOperation({ summary: 'Add a rule, or a new version of one, as Sigma YAML; in force at once, on every node within 10 s' })
  save(@Body() body: SaveRuleRequest, @CurrentPrincipal() principal: Principal): Promise<{ ruleId: string; version: number }> {
    return this.service.save(actorOf(principal), body.yaml);
  }

  @Delete(':id')
  @RequirePermission(Permission.RulesManage)
  @HttpCode(HttpStatus.NO_CONTENT)
  remove(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.service.remove(actorOf(principal), id);
  }

  @Put(':id/enabled')
  @RequirePermission(Permission.RulesManage)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Switch a rule on or off, for every agency or one' })
  switch(@Param('id') id: string, @Body() body: SwitchRuleRequest, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.service.setEnabled(actorOf(principal), id, body.enabled, body.agencyId);
  }

  @Get(':id/exceptions')
  @RequirePermission(Permission.RulesRead)
  exceptions(@Param('id') id: string): Promise<StoredException[]> {
    return this.repository.exceptions(id);
  }

  @Post(':id/exceptions')
  @RequirePermission(Permission.RulesManage)
  @ApiOperation({ summary: 'Allow-list: the rule does not alert where the field holds one of the values (until it expires)' })
  addException(@Param('id') id: string, @Body() body: AddExceptionRequest, @CurrentPrincipal() principal: Principal): Promise<StoredException> {
    return this.service.addException(actorOf(principal), id, body);
  }

  @Delete(':id/exceptions/:exceptionId')
  @RequirePermission(Permission.RulesManage)
  @HttpCode(HttpStatus.NO_CONTENT)
  removeException(@Param('id') id: string, @Param('exceptionId', ParseUUIDPipe) exceptionId: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.service.removeException(actorOf(principal), id, exceptionId);
  }

  @Post('test')
  @RequirePermission(Permission.RulesRead)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Thử luật — what parsing and detection make of raw lines, without storing anything (like wazuh-logtest)' })
  @ApiOkResponse({ description: 'Per line: parsed event or reason, and the rules it matches on which fields; then the alerts the sample raises' })
  async test(@Body() body: TestRulesRequest): Promise<RuleTestResult> {
    return testRules(this.registry.engine(), body.lines, body.timeZone ?? this.config.timeZone, this.clock.now(), await this.intel.index());
  }

  private view(info: RuleInfo): RuleView {
    return {
      ruleId: info.ruleId,
      ...(info.sigmaId ? { sigmaId: info.sigmaId } : {}),
      title: info.title,
      severity: info.severity,
      kind: info.kind,
      tags: info.tags,
      ...(info.author ? { author: info.author } : {}),
      ...(info.origin ? { origin: info.origin } : {}),
      enabled: this.registry.isEnabled(info.ruleId, null),
      agencySwitches: this.registry.agencySwitches(info.ruleId),
    };
  }
}
