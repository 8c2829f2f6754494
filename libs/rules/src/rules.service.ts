import { Injectable } from '@nestjs/common';
import { AgenciesRepository } from '@soc/agencies';
import { AuditTrail } from '@soc/audit';
import { DetectionContent, INTEL_RULE } from '@soc/detection';
import { ErrorCode, SocError } from '@soc/shared';
import { RulesRegistry } from './rules-registry.service';
import { RulesRepository, StoredException } from './rules.repository';

const NEW_ORIGIN = 'new-rule';

/** Changes to the rules in force: validated against everything else loaded, audited, in force at once here. */
@Injectable()
export class RulesService {
  constructor(
    private readonly registry: RulesRegistry,
    private readonly repository: RulesRepository,
    private readonly agencies: AgenciesRepository,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Stores a rule written in the console (a new version if its id exists). It must load, alongside every
   * other rule (a correlation may name bundled rules); its id is its `name`, else its Sigma `id`.
   */
  async save(actor: string, yaml: string): Promise<{ ruleId: string; version: number }> {
    const alone = DetectionContent.compile([{ origin: NEW_ORIGIN, text: yaml }]);
    const ruleIds = [...alone.rules.keys()];
    const together = DetectionContent.compile(await this.registry.sources([{ origin: NEW_ORIGIN, text: yaml }], ruleIds));
    const problems = together.issues.filter((i) => i.origin === NEW_ORIGIN || (i.ruleId !== undefined && ruleIds.includes(i.ruleId)));
    if (problems.length > 0 || ruleIds.length === 0) {
      const reasons = problems.length > 0 ? problems.map((p) => `${p.title ?? p.ruleId ?? 'rule'}: ${p.reason}`) : ['no rule in the text'];
      throw new SocError(ErrorCode.ValidationFailed, `yaml: ${reasons.join('; ')}`, { reasons });
    }
    const ruleId = ruleIds[0]!;
    const version = await this.repository.saveRule(ruleId, yaml, actor);
    await this.registry.reload();
    await this.audit.record({ actor, action: 'rules.save', target: `rule:${ruleId}`, agencyId: null, details: { version } });
    return { ruleId, version };
  }

  async remove(actor: string, ruleId: string): Promise<void> {
    if (!(await this.repository.deleteRule(ruleId))) throw new SocError(ErrorCode.NotFound, 'no such stored rule (bundled rules are switched off, not deleted)');
    await this.registry.reload();
    await this.audit.record({ actor, action: 'rules.delete', target: `rule:${ruleId}`, agencyId: null, details: {} });
  }

  async setEnabled(actor: string, ruleId: string, enabled: boolean, agencyId?: string): Promise<void> {
    this.known(ruleId);
    if (agencyId && !(await this.agencies.exists(agencyId))) throw new SocError(ErrorCode.ValidationFailed, `agencyId: no agency ${agencyId}`);
    await this.repository.setSwitch(ruleId, agencyId ?? '*', enabled, actor);
    await this.registry.reload();
    await this.audit.record({ actor, action: enabled ? 'rules.enable' : 'rules.disable', target: `rule:${ruleId}`, agencyId: agencyId ?? null, details: { scope: agencyId ?? 'all agencies' } });
  }

  async addException(actor: string, ruleId: string, request: { field: string; values: string[]; reason: string; agencyId?: string; expiresAt?: string }): Promise<StoredException> {
    this.known(ruleId);
    if (request.agencyId && !(await this.agencies.exists(request.agencyId))) throw new SocError(ErrorCode.ValidationFailed, `agencyId: no agency ${request.agencyId}`);
    const created = await this.repository.addException({
      ruleId,
      agencyId: request.agencyId ?? null,
      field: request.field,
      values: request.values,
      reason: request.reason,
      author: actor,
      expiresAt: request.expiresAt ?? null,
    });
    await this.registry.reload();
    await this.audit.record({ actor, action: 'rules.exception_added', target: `rule:${ruleId}`, agencyId: created.agencyId, details: { id: created.id, field: created.field, values: created.values, expiresAt: created.expiresAt, reason: created.reason } });
    return created;
  }

  async removeException(actor: string, ruleId: string, id: string): Promise<void> {
    const removed = await this.repository.deleteException(ruleId, id);
    if (!removed) throw new SocError(ErrorCode.NotFound, 'no such exception for this rule');
    await this.registry.reload();
    await this.audit.record({ actor, action: 'rules.exception_removed', target: `rule:${ruleId}`, agencyId: removed.agencyId, details: { id, field: removed.field, values: removed.values } });
  }

  private known(ruleId: string): void {
    if (ruleId !== INTEL_RULE.ruleId && !this.registry.engine().content.info(ruleId)) throw new SocError(ErrorCode.NotFound, 'no such rule in force');
  }
}
