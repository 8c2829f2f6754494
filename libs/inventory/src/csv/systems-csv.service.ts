import { Injectable } from '@nestjs/common';
import { AgenciesRepository, type CsvProblem, importRefused } from '@soc/agencies';
import { type AgencyScope, inScope } from '@soc/shared';
import { TransactionRunner, type Tx } from '@soc/storage';
import { AssetDirectory } from '../asset-directory';
import { type AssetValue, toAssetValue } from '../asset-value';
import { AssetsRepository } from '../assets.repository';
import { InventoryService } from '../inventory.service';
import type { SystemRecord } from '../system-profile';
import { SystemsRepository } from '../systems.repository';
import { parseSystemsCsv, readOnlyChanges, type SystemImportRow, systemsCsv } from './system-csv';

export interface SystemsImportSummary {
  created: number;
  updated: number;
  unchanged: number;
}

interface PlannedRow {
  row: SystemImportRow;
  current: SystemRecord | undefined;
  assets?: AssetValue[];
}

/** The systems register as CSV: exported per the caller's scope, imported all rows or none. */
@Injectable()
export class SystemsCsvService {
  constructor(
    private readonly systems: SystemsRepository,
    private readonly assets: AssetsRepository,
    private readonly agencies: AgenciesRepository,
    private readonly inventory: InventoryService,
    private readonly directory: AssetDirectory,
    private readonly transactions: TransactionRunner,
  ) {}

  async exportCsv(scope: AgencyScope): Promise<string> {
    return systemsCsv(await this.systems.list(scope), await this.assets.valuesBySystem(scope));
  }

  /**
   * Creates or updates systems by id; replaces a system's assets only when the file has an assets
   * column. Any bad row — in the file, or against the registry (unknown agency, an asset another system
   * owns, a changed approved level) — refuses the whole file with every bad row named; nothing is written.
   */
  async importCsv(actor: string, scope: AgencyScope, text: string): Promise<SystemsImportSummary> {
    const { rows, problems } = parseSystemsCsv(text);
    const summary = await this.transactions.run(async (tx) => {
      const planned = await this.plan(tx, scope, rows, problems);
      // Applied even when rows were refused (the transaction is then rolled back): conflicts only the
      // database sees, such as an asset another system owns, are reported in the same answer.
      const result = await this.apply(tx, actor, planned, problems);
      if (problems.length > 0) throw importRefused(problems);
      return result;
    });
    this.directory.invalidate();
    return summary;
  }

  private async plan(tx: Tx, scope: AgencyScope, rows: readonly SystemImportRow[], problems: CsvProblem[]): Promise<PlannedRow[]> {
    const agencies = new Set((await this.agencies.list(scope, tx)).map((agency) => agency.id));
    const planned: PlannedRow[] = [];
    for (const row of rows) {
      const reasons: string[] = [];
      const current = await this.systems.find(scope, row.id, tx);
      if (!current) {
        if (!row.agencyId) reasons.push(`agency_id is required for the new system ${row.id}`);
        else if (!agencies.has(row.agencyId) || !inScope(scope, row.agencyId)) reasons.push(`agency_id: no agency ${row.agencyId}`);
        if (row.changes.name === undefined) reasons.push(`name is required for the new system ${row.id}`);
      } else if (row.agencyId && row.agencyId !== current.agencyId) {
        reasons.push(`agency_id: ${row.id} belongs to ${current.agencyId}; an import does not move systems between agencies`);
      }
      for (const column of readOnlyChanges(row, current)) {
        reasons.push(`${column} changes only through the dossier (POST /api/v1/systems/${row.id}/dossier), not by import (thay đổi qua hồ sơ cấp độ)`);
      }
      const assets = row.assets?.map((text) => ({ text, value: toAssetValue(text) }));
      for (const bad of assets?.filter((asset) => !asset.value) ?? []) reasons.push(`assets: '${bad.text}' is not an IP address, CIDR network, host name or URL`);
      if (reasons.length > 0) problems.push({ line: row.line, reason: reasons.join('; ') });
      else planned.push({ row, current, ...(assets ? { assets: dedupe(assets.map((asset) => asset.value!)) } : {}) });
    }
    return planned;
  }

  private async apply(tx: Tx, actor: string, planned: readonly PlannedRow[], problems: CsvProblem[]): Promise<SystemsImportSummary> {
    const summary: SystemsImportSummary = { created: 0, updated: 0, unchanged: 0 };
    // Every replaced system lets go of its assets first, so one may move to another system in the same file.
    const before = new Map<string, string[]>();
    for (const { row, current, assets } of planned) if (current && assets) before.set(row.id, await this.assets.removeAll(tx, row.id));
    for (const { row, current, assets } of planned) {
      let system: SystemRecord;
      let changed: boolean;
      if (!current) {
        const created = await this.systems.create(tx, { ...row.changes, id: row.id, agencyId: row.agencyId!, name: row.changes.name!, securityLevel: null });
        if (!created) {
          problems.push({ line: row.line, reason: `id ${row.id} is taken by a system outside your agencies` });
          continue;
        }
        await this.inventory.record(tx, actor, 'systems.create', created, { ...row.changes, agencyId: row.agencyId, via: 'csv-import' });
        [system, changed] = [created, true];
      } else {
        system = await this.inventory.applyChanges(tx, actor, current, row.changes, 'csv-import');
        changed = system !== current;
      }
      if (assets) changed = (await this.replaceAssets(tx, actor, system, assets, before.get(row.id) ?? [], row.line, problems)) || changed;
      if (!current) summary.created++;
      else if (changed) summary.updated++;
      else summary.unchanged++;
    }
    return summary;
  }

  /** Adds the row's assets (the old ones are already gone); true when the set differs from before. */
  private async replaceAssets(tx: Tx, actor: string, system: SystemRecord, assets: readonly AssetValue[], before: readonly string[], line: number, problems: CsvProblem[]): Promise<boolean> {
    for (const asset of assets) {
      const result = await this.assets.add(tx, system.id, asset);
      if ('takenBy' in result) problems.push({ line, reason: `assets: ${asset.value} already belongs to information system ${result.takenBy}` });
    }
    const after = assets.map((asset) => asset.value).sort();
    if (after.join(';') === [...before].sort().join(';')) return false;
    await this.inventory.record(tx, actor, 'assets.replace', system, { before, after, via: 'csv-import' });
    return true;
  }
}

function dedupe(values: readonly AssetValue[]): AssetValue[] {
  return [...new Map(values.map((value) => [value.value, value])).values()];
}
