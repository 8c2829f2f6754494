import { Injectable } from '@nestjs/common';
import { AgenciesRepository, changedFields } from '@soc/agencies';
import { AuditTrail } from '@soc/audit';
import { type AgencyScope, ErrorCode, SocError } from '@soc/shared';
import { TransactionRunner, type Tx } from '@soc/storage';
import { AssetDirectory } from './asset-directory';
import { toAssetValue } from './asset-value';
import { AssetRecord, AssetsRepository } from './assets.repository';
import { classificationChanges, redeterminationReason } from './dossier/redetermination';
import { ReviewsRepository } from './reviews.repository';
import { canonicalInformationTypes, type SystemChanges, type SystemRecord } from './system-profile';
import { type NewSystem, SystemsRepository } from './systems.repository';

/** Changes to the inventory: validated, audited in their transaction, and visible to enrichment at once on this node. */
@Injectable()
export class InventoryService {
  constructor(
    private readonly systems: SystemsRepository,
    private readonly assets: AssetsRepository,
    private readonly reviews: ReviewsRepository,
    private readonly agencies: AgenciesRepository,
    private readonly directory: AssetDirectory,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditTrail,
  ) {}

  /** The system if the caller may see it; the same 404 whether it is missing or another agency's. */
  async visibleSystem(scope: AgencyScope, id: string, tx?: Tx): Promise<SystemRecord> {
    const system = await this.systems.find(scope, id, tx);
    if (!system) throw new SocError(ErrorCode.NotFound, 'no such information system');
    return system;
  }

  async createSystem(actor: string, request: Omit<NewSystem, 'securityLevel'> & { securityLevel?: number | null }): Promise<SystemRecord> {
    const system = await this.transactions.run(async (tx) => {
      if (!(await this.agencies.exists(request.agencyId, tx))) throw new SocError(ErrorCode.ValidationFailed, `agencyId: no agency ${request.agencyId}`);
      const created = await this.systems.create(tx, canonical({ ...request, securityLevel: request.securityLevel ?? null }));
      if (!created) throw new SocError(ErrorCode.Conflict, `information system ${request.id} exists`);
      await this.record(tx, actor, 'systems.create', created, { ...request, id: undefined });
      return created;
    });
    this.directory.invalidate();
    return system;
  }

  async updateSystem(actor: string, scope: AgencyScope, id: string, changes: SystemChanges): Promise<SystemRecord> {
    const system = await this.transactions.run(async (tx) => this.applyChanges(tx, actor, await this.visibleSystem(scope, id, tx), changes));
    // After the commit: a reload begun earlier would read the old level.
    this.directory.invalidate();
    return system;
  }

  /**
   * Writes the fields that differ and audits them; when an approved system's classification inputs
   * change, opens a re-determination review (NĐ 331 Art. 10.2), once while one is open. `current`
   * must have been read (and locked) in `tx`. The caller invalidates the directory after commit.
   */
  async applyChanges(tx: Tx, actor: string, current: SystemRecord, changes: SystemChanges, via?: string): Promise<SystemRecord> {
    const given = canonical(changes);
    const fields = changedFields<SystemChanges>(current, given);
    if (fields.length === 0) return current;
    const changed = Object.fromEntries(fields.map((field) => [field, given[field]])) as SystemChanges;
    const updated = await this.systems.update(tx, current.id, changed);
    if (!updated) throw new SocError(ErrorCode.NotFound, 'no such information system');
    await this.record(tx, actor, 'systems.update', updated, { ...changed, ...(via ? { via } : {}) });
    const reasons = classificationChanges(fields);
    if (current.dossier.status === 'approved' && reasons.length > 0) {
      const review = await this.reviews.openReview(tx, current.id, 'change', redeterminationReason(reasons));
      if (review) await this.record(tx, actor, 'systems.review.open', updated, { reviewId: review.id, trigger: review.trigger, fields: reasons });
    }
    return updated;
  }

  async addAsset(actor: string, scope: AgencyScope, systemId: string, text: string): Promise<AssetRecord> {
    const value = toAssetValue(text);
    const added = await this.transactions.run(async (tx) => {
      const system = await this.visibleSystem(scope, systemId, tx);
      if (!value) throw new SocError(ErrorCode.ValidationFailed, `value: '${text}' is not an IP address, CIDR network, host name or URL`);
      const result = await this.assets.add(tx, systemId, value);
      if ('takenBy' in result) throw new SocError(ErrorCode.Conflict, `${value.value} already belongs to information system ${result.takenBy}`);
      await this.record(tx, actor, 'assets.add', system, { asset: value.value });
      return result.added;
    });
    this.directory.invalidate();
    return added;
  }

  async removeAsset(actor: string, scope: AgencyScope, systemId: string, assetId: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const system = await this.visibleSystem(scope, systemId, tx);
      const removed = await this.assets.remove(tx, systemId, assetId);
      if (!removed) throw new SocError(ErrorCode.NotFound, 'no such asset in this information system');
      await this.record(tx, actor, 'assets.remove', system, { asset: removed.value });
    });
    this.directory.invalidate();
  }

  record(tx: Tx, actor: string, action: string, system: Pick<SystemRecord, 'id' | 'agencyId'>, details: Record<string, unknown>): Promise<void> {
    // Through JSON: drops undefined fields, which the audit hash must not see.
    return this.audit.record({ actor, action, target: `system:${system.id}`, agencyId: system.agencyId, details: JSON.parse(JSON.stringify(details)) as Record<string, unknown> }, tx);
  }
}

function canonical<T extends SystemChanges>(changes: T): T {
  return changes.informationTypes ? { ...changes, informationTypes: canonicalInformationTypes(changes.informationTypes) } : changes;
}
