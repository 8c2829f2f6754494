import { Injectable } from '@nestjs/common';
import { AgenciesRepository } from '@soc/agencies';
import { AuditTrail } from '@soc/audit';
import { type AgencyScope, ErrorCode, SocError } from '@soc/shared';
import { AssetDirectory } from './asset-directory';
import { toAssetValue } from './asset-value';
import { AssetRecord, AssetsRepository } from './assets.repository';
import { SystemRecord, SystemsRepository } from './systems.repository';

/** Changes to the inventory: validated, audited, and visible to enrichment at once on this node. */
@Injectable()
export class InventoryService {
  constructor(
    private readonly systems: SystemsRepository,
    private readonly assets: AssetsRepository,
    private readonly agencies: AgenciesRepository,
    private readonly directory: AssetDirectory,
    private readonly audit: AuditTrail,
  ) {}

  /** The system if the caller may see it; the same 404 whether it is missing or another agency's. */
  async visibleSystem(scope: AgencyScope, id: string): Promise<SystemRecord> {
    const system = await this.systems.find(scope, id);
    if (!system) throw new SocError(ErrorCode.NotFound, 'no such information system');
    return system;
  }

  async createSystem(actor: string, request: { id: string; agencyId: string; name: string; securityLevel?: number | null }): Promise<SystemRecord> {
    if (!(await this.agencies.exists(request.agencyId))) throw new SocError(ErrorCode.ValidationFailed, `agencyId: no agency ${request.agencyId}`);
    const system = await this.systems.create({ ...request, securityLevel: request.securityLevel ?? null });
    if (!system) throw new SocError(ErrorCode.Conflict, `information system ${request.id} exists`);
    await this.record(actor, 'systems.create', system, { name: system.name, securityLevel: system.securityLevel });
    return system;
  }

  async updateSystem(actor: string, scope: AgencyScope, id: string, changes: { name?: string; securityLevel?: number | null }): Promise<SystemRecord> {
    await this.visibleSystem(scope, id);
    const system = await this.systems.update(id, changes);
    if (!system) throw new SocError(ErrorCode.NotFound, 'no such information system');
    this.directory.invalidate();
    await this.record(actor, 'systems.update', system, changes);
    return system;
  }

  async addAsset(actor: string, scope: AgencyScope, systemId: string, text: string): Promise<AssetRecord> {
    const system = await this.visibleSystem(scope, systemId);
    const value = toAssetValue(text);
    if (!value) throw new SocError(ErrorCode.ValidationFailed, `value: '${text}' is not an IP address, CIDR network, host name or URL`);
    const result = await this.assets.add(systemId, value);
    if ('takenBy' in result) throw new SocError(ErrorCode.Conflict, `${value.value} already belongs to information system ${result.takenBy}`);
    this.directory.invalidate();
    await this.record(actor, 'assets.add', system, { asset: value.value });
    return result.added;
  }

  async removeAsset(actor: string, scope: AgencyScope, systemId: string, assetId: string): Promise<void> {
    const system = await this.visibleSystem(scope, systemId);
    const removed = await this.assets.remove(systemId, assetId);
    if (!removed) throw new SocError(ErrorCode.NotFound, 'no such asset in this information system');
    this.directory.invalidate();
    await this.record(actor, 'assets.remove', system, { asset: removed.value });
  }

  private record(actor: string, action: string, system: SystemRecord, details: Record<string, unknown>): Promise<void> {
    return this.audit.record({ actor, action, target: `system:${system.id}`, agencyId: system.agencyId, details });
  }
}
