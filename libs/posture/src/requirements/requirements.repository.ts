import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { type AgencyScope, scopeCondition } from '@soc/shared';
import { managerOf, Tx } from '@soc/storage';
import type { ClassificationInformationType, ClassificationSystemType } from '../classification/classification-facts';
import type { RequirementStatus } from './requirement-status';

/** What requirements and classification read about one information system. */
export interface SystemRequirementFacts {
  id: string;
  agencyId: string;
  /** Approved level. */
  securityLevel: number | null;
  proposedLevel: number | null;
  regimeId: string;
  systemType: ClassificationSystemType | null;
  informationTypes: ClassificationInformationType[];
  dataSubjects: number | null;
  sensitivePersonalData: boolean;
  publicServiceLevel: number | null;
  operates24x7: boolean;
  nationallyImportant: boolean;
}

/** One recorded status (system_requirements row). */
export interface RequirementRecord {
  systemId: string;
  itemId: string;
  status: RequirementStatus;
  evidence: string | null;
  owner: string | null;
  /** YYYY-MM-DD. */
  remediationDate: string | null;
  updatedBy: string;
  updatedAt: string;
}

interface FactsRow {
  id: string;
  agency_id: string;
  security_level: number | null;
  proposed_level: number | null;
  regime_id: string;
  system_type: ClassificationSystemType | null;
  information_types: ClassificationInformationType[];
  data_subjects: number | null;
  sensitive_personal_data: boolean;
  public_service_level: number | null;
  operates_24x7: boolean;
  nationally_important: boolean;
}

interface RequirementRow {
  system_id: string;
  item_id: string;
  status: RequirementStatus;
  evidence: string | null;
  owner: string | null;
  remediation_date: string | null;
  updated_by: string;
  updated_at: Date;
}

const FACT_COLUMNS = `id, agency_id, security_level, proposed_level, regime_id, system_type, information_types, data_subjects,
  sensitive_personal_data, public_service_level, operates_24x7, nationally_important`;
const REQUIREMENT_COLUMNS = `system_id, item_id, status, evidence, owner, to_char(remediation_date, 'YYYY-MM-DD') AS remediation_date, updated_by, updated_at`;

const toFacts = (row: FactsRow): SystemRequirementFacts => ({
  id: row.id,
  agencyId: row.agency_id,
  securityLevel: row.security_level,
  proposedLevel: row.proposed_level,
  regimeId: row.regime_id,
  systemType: row.system_type,
  informationTypes: row.information_types,
  dataSubjects: row.data_subjects,
  sensitivePersonalData: row.sensitive_personal_data,
  publicServiceLevel: row.public_service_level,
  operates24x7: row.operates_24x7,
  nationallyImportant: row.nationally_important,
});

const toRecord = (row: RequirementRow): RequirementRecord => ({
  systemId: row.system_id,
  itemId: row.item_id,
  status: row.status,
  evidence: row.evidence,
  owner: row.owner,
  remediationDate: row.remediation_date,
  updatedBy: row.updated_by,
  updatedAt: row.updated_at.toISOString(),
});

/** Requirement statuses per system and the system facts they are judged by; system reads are limited to the caller's agencies. */
@Injectable()
export class RequirementsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The system if it is in the caller's scope; with a transaction, its row is locked so concurrent changes to it queue. */
  async systemFacts(scope: AgencyScope, systemId: string, tx?: Tx): Promise<SystemRequirementFacts | undefined> {
    const where = scopeCondition(scope, 'agency_id', 2);
    const rows: FactsRow[] = await this.manager(tx).query(
      `SELECT ${FACT_COLUMNS} FROM information_systems WHERE id = $1 AND ${where.sql}${tx ? ' FOR UPDATE' : ''}`,
      [systemId, ...where.params],
    );
    return rows[0] && toFacts(rows[0]);
  }

  /** No scope: for callers that have already checked it (posture, province KPIs). */
  async systemFactsOf(systemIds: readonly string[]): Promise<SystemRequirementFacts[]> {
    if (systemIds.length === 0) return [];
    const rows: FactsRow[] = await this.dataSource.query(`SELECT ${FACT_COLUMNS} FROM information_systems WHERE id = ANY($1::text[])`, [systemIds]);
    return rows.map(toFacts);
  }

  async recordsOf(systemIds: readonly string[]): Promise<RequirementRecord[]> {
    if (systemIds.length === 0) return [];
    const rows: RequirementRow[] = await this.dataSource.query(
      `SELECT ${REQUIREMENT_COLUMNS} FROM system_requirements WHERE system_id = ANY($1::text[]) ORDER BY system_id, item_id`,
      [systemIds],
    );
    return rows.map(toRecord);
  }

  async record(tx: Tx, systemId: string, itemId: string): Promise<RequirementRecord | undefined> {
    const rows: RequirementRow[] = await managerOf(tx).query(`SELECT ${REQUIREMENT_COLUMNS} FROM system_requirements WHERE system_id = $1 AND item_id = $2`, [systemId, itemId]);
    return rows[0] && toRecord(rows[0]);
  }

  /** Replaces the item's record (absent optional fields become null). */
  async put(tx: Tx, record: Omit<RequirementRecord, 'updatedAt'>): Promise<RequirementRecord> {
    const rows: RequirementRow[] = await managerOf(tx).query(
      `WITH saved AS (
         INSERT INTO system_requirements (system_id, item_id, status, evidence, owner, remediation_date, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6::date, $7, now())
         ON CONFLICT (system_id, item_id) DO UPDATE SET
           status = EXCLUDED.status, evidence = EXCLUDED.evidence, owner = EXCLUDED.owner,
           remediation_date = EXCLUDED.remediation_date, updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING *)
       SELECT ${REQUIREMENT_COLUMNS} FROM saved`,
      [record.systemId, record.itemId, record.status, record.evidence, record.owner, record.remediationDate, record.updatedBy],
    );
    return toRecord(rows[0]!);
  }

  private manager(tx?: Tx): EntityManager {
    return tx ? managerOf(tx) : this.dataSource.manager;
  }
}
