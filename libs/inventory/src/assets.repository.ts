import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseNetwork } from '@soc/net';
import { type AgencyScope, scopeCondition } from '@soc/shared';
import { managerOf, type Tx } from '@soc/storage';
import { AssetEntry } from './asset-index';

export interface AssetRecord {
  id: string;
  systemId: string;
  kind: 'network' | 'hostname';
  /** `10.1.2.0/24` or `10.1.2.3/32` for a network, the lower-case name for a host name. */
  value: string;
  createdAt: string;
}

interface AssetRow {
  id: string;
  system_id: string;
  kind: 'network' | 'hostname';
  network: string | null;
  hostname: string | null;
  created_at: Date;
}

const COLUMNS = 'id, system_id, kind, network::text AS network, hostname, created_at';

const toRecord = (row: AssetRow): AssetRecord => ({
  id: row.id,
  systemId: row.system_id,
  kind: row.kind,
  value: row.network ?? row.hostname ?? '',
  createdAt: row.created_at.toISOString(),
});

export type AddAssetResult = { added: AssetRecord } | { takenBy: string };

/** The addresses and names that identify each information system. */
@Injectable()
export class AssetsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async listOf(systemId: string): Promise<AssetRecord[]> {
    const rows: AssetRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM assets WHERE system_id = $1 ORDER BY kind, network, hostname`, [systemId]);
    return rows.map(toRecord);
  }

  /** Adds the asset unless another system (or this one) already owns the same network or name. */
  async add(tx: Tx, systemId: string, asset: { kind: 'network' | 'hostname'; value: string }): Promise<AddAssetResult> {
    const manager = managerOf(tx);
    const network = asset.kind === 'network' ? asset.value : null;
    const hostname = asset.kind === 'hostname' ? asset.value : null;
    const rows: AssetRow[] = await manager.query(
      `INSERT INTO assets (system_id, kind, network, hostname) VALUES ($1, $2, $3::cidr, $4) ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
      [systemId, asset.kind, network, hostname],
    );
    if (rows[0]) return { added: toRecord(rows[0]) };
    const owner: Array<{ system_id: string }> = await manager.query(
      'SELECT system_id FROM assets WHERE network = $1::cidr OR hostname = $2',
      [network, hostname],
    );
    return { takenBy: owner[0]?.system_id ?? 'unknown' };
  }

  async remove(tx: Tx, systemId: string, assetId: string): Promise<AssetRecord | undefined> {
    const rows: AssetRow[] = await managerOf(tx).query(`WITH gone AS (DELETE FROM assets WHERE system_id = $1 AND id = $2 RETURNING *) SELECT ${COLUMNS} FROM gone`, [systemId, assetId]);
    return rows[0] && toRecord(rows[0]);
  }

  /** Removes every asset of the system (an import replacing them); returns their values. */
  async removeAll(tx: Tx, systemId: string): Promise<string[]> {
    const rows: Array<{ value: string }> = await managerOf(tx).query(
      'WITH gone AS (DELETE FROM assets WHERE system_id = $1 RETURNING network, hostname) SELECT coalesce(network::text, hostname) AS value FROM gone ORDER BY 1',
      [systemId],
    );
    return rows.map((row) => row.value);
  }

  /** Each visible system's asset values, for the registry export. */
  async valuesBySystem(scope: AgencyScope): Promise<Map<string, string[]>> {
    const where = scopeCondition(scope, 's.agency_id', 1);
    const rows: Array<{ system_id: string; value: string }> = await this.dataSource.query(
      `SELECT a.system_id, coalesce(a.network::text, a.hostname) AS value FROM assets a JOIN information_systems s ON s.id = a.system_id
       WHERE ${where.sql} ORDER BY a.system_id, a.kind, a.network, a.hostname`,
      where.params,
    );
    const bySystem = new Map<string, string[]>();
    for (const row of rows) bySystem.set(row.system_id, [...(bySystem.get(row.system_id) ?? []), row.value]);
    return bySystem;
  }

  /** Every asset with its system's agency and level: what the enrichment index is built from. */
  async entries(): Promise<AssetEntry[]> {
    const rows: Array<{ system_id: string; agency_id: string; security_level: number | null; network: string | null; hostname: string | null }> = await this.dataSource.query(
      `SELECT a.system_id, s.agency_id, s.security_level, a.network::text AS network, a.hostname
       FROM assets a JOIN information_systems s ON s.id = a.system_id`,
    );
    return rows.flatMap((row): AssetEntry[] => {
      const ref = { systemId: row.system_id, agencyId: row.agency_id, securityLevel: row.security_level };
      if (row.hostname) return [{ ...ref, kind: 'hostname', hostname: row.hostname }];
      const network = row.network ? parseNetwork(row.network) : undefined;
      return network ? [{ ...ref, kind: 'network', network }] : [];
    });
  }
}
