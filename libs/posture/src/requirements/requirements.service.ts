import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@soc/audit';
import { type AgencyScope, ErrorCode, SocError } from '@soc/shared';
import { TransactionRunner } from '@soc/storage';
import { suggestLevel } from '../classification/level-suggestion';
import { type Level, LEVELS, REGIMES, type Regime, regimeOf } from '../pure/regimes';
import { appliesAt, findItem, groupsAtLevel } from './applicability';
import type { RequirementCatalogue, RequirementItem } from './catalogue';
import { catalogueById } from './catalogues';
import { type Completeness, completeness } from './completeness';
import type { RequirementStatus } from './requirement-status';
import { type RequirementRecord, RequirementsRepository, type SystemRequirementFacts } from './requirements.repository';
import type { LevelSource, RequirementItemState, SystemLevelSuggestion, SystemRequirementsView } from './requirements.views';

const NO_SYSTEM = 'no such information system';
const NO_LEVEL =
  'Hệ thống chưa có cấp độ được phê duyệt hoặc đề xuất; hãy ghi nhận cấp độ trước (the system has no approved or proposed security level: set one first)';

export interface RecordRequirementChange {
  status: RequirementStatus;
  evidence?: string | null;
  owner?: string | null;
  remediationDate?: string | null;
}

/**
 * Requirements by security level: the catalogue of the system's regime filtered to its level (approved, else
 * proposed), the statuses agencies record against it, how complete that is, and a suggested level.
 */
@Injectable()
export class RequirementsService {
  constructor(
    private readonly repository: RequirementsRepository,
    private readonly audit: AuditTrail,
    private readonly transactions: TransactionRunner,
  ) {}

  regimes(): Regime[] {
    return Object.values(REGIMES);
  }

  catalogue(id: string): RequirementCatalogue {
    const catalogue = catalogueById(id);
    if (!catalogue) throw new SocError(ErrorCode.NotFound, `no requirement catalogue ${id}`);
    return catalogue;
  }

  async ofSystem(scope: AgencyScope, systemId: string): Promise<SystemRequirementsView> {
    const system = await this.visibleSystem(scope, systemId);
    const { level, source } = requireLevel(system);
    const catalogue = catalogueOf(system);
    const records = new Map((await this.repository.recordsOf([system.id])).map((r) => [r.itemId, r]));
    return {
      systemId: system.id,
      regimeId: regimeOf(system.regimeId).id,
      catalogueId: catalogue.id,
      catalogueVersion: catalogue.version,
      level,
      levelSource: source,
      groups: groupsAtLevel(catalogue, level).map((group) => ({
        id: group.id,
        name: group.name,
        kind: group.kind,
        items: group.items.map((item) => ({ ...item, ...stateOf(records.get(item.id)) })),
      })),
      completeness: completeness(catalogue, level, statusesOf(records.values())),
    };
  }

  /** Records an item's status for a system the caller may see; the change and its audit record commit together. */
  record(actor: string, scope: AgencyScope, systemId: string, itemId: string, change: RecordRequirementChange): Promise<RequirementItemState> {
    return this.transactions.run(async (tx) => {
      const system = await this.repository.systemFacts(scope, systemId, tx);
      if (!system) throw new SocError(ErrorCode.NotFound, NO_SYSTEM);
      const { level } = requireLevel(system);
      const catalogue = catalogueOf(system);
      const found = findItem(catalogue, itemId);
      if (!found) throw new SocError(ErrorCode.ValidationFailed, `itemId: no item ${itemId} in catalogue ${catalogue.id}`);
      if (!appliesAt(found.item, level)) {
        throw new SocError(ErrorCode.ValidationFailed, `itemId: ${itemId} applies to levels ${levelRange(found.item.minLevel, found.item.maxLevel)}, not to level ${level}`);
      }
      const before = await this.repository.record(tx, system.id, itemId);
      const saved = await this.repository.put(tx, {
        systemId: system.id,
        itemId,
        status: change.status,
        evidence: change.evidence ?? null,
        owner: change.owner ?? null,
        remediationDate: change.remediationDate ?? null,
        updatedBy: actor,
      });
      await this.audit.record(
        {
          actor,
          action: 'requirements.update',
          target: `system:${system.id}`,
          agencyId: system.agencyId,
          details: { itemId, catalogueId: catalogue.id, level, status: saved.status, previousStatus: before?.status ?? null, owner: saved.owner, remediationDate: saved.remediationDate },
        },
        tx,
      );
      return { ...found.item, ...stateOf(saved) };
    });
  }

  async levelSuggestion(scope: AgencyScope, systemId: string): Promise<SystemLevelSuggestion> {
    const system = await this.visibleSystem(scope, systemId);
    return { systemId: system.id, approvedLevel: system.securityLevel, proposedLevel: system.proposedLevel, ...suggestLevel(system) };
  }

  /**
   * Completeness per system at its level (approved, else proposed), for callers that have checked the scope
   * (posture, province KPIs). Systems without a level have nothing to be judged against and are left out.
   */
  async completenessFor(systemIds: readonly string[]): Promise<Map<string, Completeness>> {
    const [systems, records] = await Promise.all([this.repository.systemFactsOf(systemIds), this.repository.recordsOf(systemIds)]);
    const recordsBySystem = new Map<string, RequirementRecord[]>();
    for (const record of records) recordsBySystem.set(record.systemId, [...(recordsBySystem.get(record.systemId) ?? []), record]);
    const result = new Map<string, Completeness>();
    for (const system of systems) {
      const resolved = levelOf(system);
      if (resolved) result.set(system.id, completeness(catalogueOf(system), resolved.level, statusesOf(recordsBySystem.get(system.id) ?? [])));
    }
    return result;
  }

  private async visibleSystem(scope: AgencyScope, systemId: string): Promise<SystemRequirementFacts> {
    const system = await this.repository.systemFacts(scope, systemId);
    if (!system) throw new SocError(ErrorCode.NotFound, NO_SYSTEM);
    return system;
  }
}

function levelOf(system: SystemRequirementFacts): { level: Level; source: LevelSource } | undefined {
  const approved = asLevel(system.securityLevel);
  if (approved) return { level: approved, source: 'approved' };
  const proposed = asLevel(system.proposedLevel);
  return proposed ? { level: proposed, source: 'proposed' } : undefined;
}

function requireLevel(system: SystemRequirementFacts): { level: Level; source: LevelSource } {
  const resolved = levelOf(system);
  if (!resolved) throw new SocError(ErrorCode.Conflict, NO_LEVEL);
  return resolved;
}

function asLevel(value: number | null): Level | undefined {
  return LEVELS.find((level) => level === value);
}

/** Every regime names a catalogue that exists (checked by the catalogue tests). */
function catalogueOf(system: SystemRequirementFacts): RequirementCatalogue {
  const catalogue = catalogueById(regimeOf(system.regimeId).catalogueId);
  if (!catalogue) throw new Error(`regime ${system.regimeId} names no known requirement catalogue`);
  return catalogue;
}

function statusesOf(records: Iterable<RequirementRecord>): Map<string, RequirementStatus> {
  return new Map([...records].map((r) => [r.itemId, r.status]));
}

function stateOf(record: RequirementRecord | undefined): Omit<RequirementItemState, keyof RequirementItem> {
  return {
    status: record?.status ?? null,
    evidence: record?.evidence ?? null,
    owner: record?.owner ?? null,
    remediationDate: record?.remediationDate ?? null,
    updatedBy: record?.updatedBy ?? null,
    updatedAt: record?.updatedAt ?? null,
  };
}

function levelRange(min: Level, max: Level | undefined): string {
  if (max === undefined) return min === 5 ? '5' : `${min}–5`;
  return min === max ? `${min}` : `${min}–${max}`;
}
