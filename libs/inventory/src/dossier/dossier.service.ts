import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, type AgencyScope, ErrorCode, SOC_CONFIG, type SocConfig, SocError } from '@soc/shared';
import { TransactionRunner } from '@soc/storage';
import { AssetDirectory } from '../asset-directory';
import { InventoryService } from '../inventory.service';
import type { SystemRecord } from '../system-profile';
import { SystemsRepository } from '../systems.repository';
import { type DossierAction, decideDossier, type DossierInput } from './dossier-workflow';

/**
 * Moves a system's security-level dossier one step, audited with the level, the decision and the actor.
 * An approval sets the approved level, which enrichment uses from the next batch on (like a PATCH).
 */
@Injectable()
export class DossierService {
  private readonly today: Intl.DateTimeFormat;

  constructor(
    private readonly systems: SystemsRepository,
    private readonly inventory: InventoryService,
    private readonly directory: AssetDirectory,
    private readonly transactions: TransactionRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SOC_CONFIG) config: SocConfig,
  ) {
    // The submission date is the province's calendar day ('en-CA' formats as YYYY-MM-DD).
    this.today = new Intl.DateTimeFormat('en-CA', { timeZone: config.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  async act(actor: string, scope: AgencyScope, id: string, action: DossierAction, input: DossierInput): Promise<SystemRecord> {
    const { system, approved } = await this.transactions.run(async (tx) => {
      const current = await this.inventory.visibleSystem(scope, id, tx);
      const decision = decideDossier(current, action, input, this.today.format(this.clock.now()));
      if (!decision.ok) throw new SocError(decision.refusal === 'conflict' ? ErrorCode.Conflict : ErrorCode.ValidationFailed, decision.message);
      const updated = await this.systems.updateDossier(tx, id, decision.dossier, decision.approvedLevel);
      if (!updated) throw new SocError(ErrorCode.NotFound, 'no such information system');
      await this.inventory.record(tx, actor, `systems.dossier.${action}`, updated, {
        from: current.dossier.status,
        to: decision.to,
        proposedLevel: updated.dossier.proposedLevel,
        securityLevel: updated.securityLevel,
        previousSecurityLevel: current.securityLevel,
        ...input,
      });
      return { system: updated, approved: decision.approvedLevel !== undefined };
    });
    // After the commit, like every inventory change: the next batch is stamped with the new level.
    if (approved) this.directory.invalidate();
    return system;
  }
}
