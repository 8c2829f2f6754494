import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@soc/audit';
import { type AgencyScope, ErrorCode, SocError } from '@soc/shared';
import { TransactionRunner, type Tx } from '@soc/storage';
import type { AgencyChanges, AgencyRecord } from './agency';
import { agenciesCsv, parseAgenciesCsv } from './agency-csv';
import { cycleThrough, describeCycle } from './agency-hierarchy';
import { AgenciesRepository } from './agencies.repository';
import { pickChanged } from './changed-fields';
import { importRefused } from './csv';

export interface NewAgencyRequest extends AgencyChanges {
  id: string;
  name: string;
}

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
}

/** Agencies in their hierarchy: every change validated against it, audited in its own transaction. */
@Injectable()
export class AgenciesService {
  constructor(
    private readonly agencies: AgenciesRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditTrail,
  ) {}

  /** The agency if the caller may see it; the same 404 whether it is missing or another agency's. */
  async visible(scope: AgencyScope, id: string): Promise<AgencyRecord> {
    const agency = await this.agencies.find(scope, id);
    if (!agency) throw new SocError(ErrorCode.NotFound, 'no such agency');
    return agency;
  }

  create(actor: string, request: NewAgencyRequest): Promise<AgencyRecord> {
    return this.transactions.run(async (tx) => {
      if (request.parentId) {
        const parents = await this.agencies.lockedParents(tx);
        if (!parents.has(request.parentId)) throw unknownParent(request.parentId);
      }
      const created = await this.agencies.create(tx, {
        id: request.id,
        name: request.name,
        kind: request.kind ?? 'department',
        parentId: request.parentId ?? null,
        irContacts: request.irContacts ?? [],
        securityUnit: request.securityUnit ?? null,
      });
      if (!created) throw new SocError(ErrorCode.Conflict, `agency ${request.id} exists`);
      await this.record(tx, actor, 'agencies.create', created.id, { ...request, id: undefined });
      return created;
    });
  }

  update(actor: string, scope: AgencyScope, id: string, changes: AgencyChanges): Promise<AgencyRecord> {
    return this.transactions.run(async (tx) => {
      const current = await this.agencies.find(scope, id, tx);
      if (!current) throw new SocError(ErrorCode.NotFound, 'no such agency');
      const changed = pickChanged(current, changes);
      if (changed.parentId !== undefined) {
        const parents = await this.agencies.lockedParents(tx);
        const problem = parentProblem(id, changed.parentId, parents);
        if (problem) throw new SocError(ErrorCode.ValidationFailed, problem);
      }
      if (Object.keys(changed).length === 0) return current;
      const updated = await this.agencies.update(tx, id, changed);
      if (!updated) throw new SocError(ErrorCode.NotFound, 'no such agency');
      await this.record(tx, actor, 'agencies.update', id, changed);
      return updated;
    });
  }

  async exportCsv(scope: AgencyScope): Promise<string> {
    return agenciesCsv(await this.agencies.list(scope));
  }

  /**
   * Upserts the rows of an agencies CSV by id, all or nothing: parents may be rows of the same file (in
   * any order), and the hierarchy the whole file leads to is checked for unknown parents and cycles.
   */
  importCsv(actor: string, text: string): Promise<ImportSummary> {
    const { rows, problems } = parseAgenciesCsv(text);
    return this.transactions.run(async (tx) => {
      const parents = await this.agencies.lockedParents(tx);
      const existing = new Map((await this.agencies.list({ all: true }, tx)).map((a) => [a.id, a]));
      // The hierarchy as it will be once every row is applied.
      const planned = new Map(parents);
      for (const row of rows) if (row.changes.parentId !== undefined || !parents.has(row.id)) planned.set(row.id, row.changes.parentId ?? null);
      for (const row of rows) {
        if (!existing.has(row.id) && row.changes.name === undefined) problems.push({ line: row.line, reason: `name is required for the new agency ${row.id}` });
        const problem = parentProblem(row.id, planned.get(row.id) ?? null, planned);
        if (problem) problems.push({ line: row.line, reason: problem });
      }
      if (problems.length > 0) throw importRefused(problems);

      const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0 };
      // Parents are set in a second pass, once every agency of the file exists.
      const parentsToSet: Array<{ id: string; parentId: string | null }> = [];
      for (const { id, changes } of rows) {
        const { parentId, ...rest } = changes;
        const current = existing.get(id);
        if (!current) {
          await this.agencies.create(tx, { id, name: rest.name!, kind: rest.kind ?? 'department', parentId: null, irContacts: rest.irContacts ?? [], securityUnit: rest.securityUnit ?? null });
          await this.record(tx, actor, 'agencies.create', id, { ...changes, via: 'csv-import' });
          if (parentId) parentsToSet.push({ id, parentId });
          summary.created++;
          continue;
        }
        const changed = pickChanged(current, changes);
        if (Object.keys(changed).length === 0) {
          summary.unchanged++;
          continue;
        }
        const { parentId: newParent, ...others } = changed;
        if (Object.keys(others).length > 0) await this.agencies.update(tx, id, others);
        if (newParent !== undefined) parentsToSet.push({ id, parentId: newParent });
        await this.record(tx, actor, 'agencies.update', id, { ...changed, via: 'csv-import' });
        summary.updated++;
      }
      for (const { id, parentId } of parentsToSet) await this.agencies.update(tx, id, { parentId });
      return summary;
    });
  }

  private record(tx: Tx, actor: string, action: string, agencyId: string, details: Record<string, unknown>): Promise<void> {
    return this.audit.record({ actor, action, target: `agency:${agencyId}`, agencyId, details: JSON.parse(JSON.stringify(details)) as Record<string, unknown> }, tx);
  }
}

const unknownParent = (parentId: string) => new SocError(ErrorCode.ValidationFailed, `parentId: no agency ${parentId} (không có cơ quan cấp trên này)`);

/** Why `agencyId` cannot have `parentId` in the hierarchy `parents`, or undefined if it can. */
function parentProblem(agencyId: string, parentId: string | null, parents: ReadonlyMap<string, string | null>): string | undefined {
  if (parentId === null) return undefined;
  if (!parents.has(parentId)) return unknownParent(parentId).message;
  const cycle = cycleThrough(agencyId, parentId, parents);
  return cycle && describeCycle(agencyId, cycle);
}

