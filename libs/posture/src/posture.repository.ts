import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AgencyScope, type Priority, scopeCondition } from '@soc/shared';
import { managerOf, Tx } from '@soc/storage';
import type { Assessment, Contact, MonitoringService, ReportingSource } from './pure';

/** A system with what posture reads about it and its agency. */
export interface SystemPostureRow {
  id: string;
  name: string;
  agency_id: string;
  agency_name: string;
  agency_security_unit: { name?: string; contacts?: Contact[] } | null;
  security_level: number | null;
  proposed_level: number | null;
  dossier_status: string;
  decision_number: string | null;
  decision_date: string | null;
  approver: string | null;
  regulation_status: string;
  regime_id: string;
  owner: string | null;
  operator: string | null;
  national_connected: boolean;
  national_connected_on: string | null;
}

export interface MonitoringServiceRow extends MonitoringService {
  id: string;
  agencyId: string;
  contractRef: string | null;
  createdAt: string;
}

export interface AssessmentRow extends Assessment {
  id: string;
  systemId: string;
  scope: string | null;
  reportRef: string | null;
}

export interface VulnerabilityRow {
  id: string;
  systemId: string;
  reference: string;
  title: string;
  severity: string;
  status: string;
  foundOn: string | null;
}

const SYSTEM_COLUMNS = `s.id, s.name, s.agency_id, a.name AS agency_name, a.security_unit AS agency_security_unit, s.security_level, s.proposed_level,
  s.dossier_status, to_char(s.decision_date, 'YYYY-MM-DD') AS decision_date, s.decision_number, s.approver, s.regulation_status, s.regime_id,
  s.owner, s.operator, s.national_connected, to_char(s.national_connected_on, 'YYYY-MM-DD') AS national_connected_on`;

/** Reads across the registry, telemetry and incidents for posture; writes the layer facts it owns. */
@Injectable()
export class PostureRepository {
  constructor(private readonly dataSource: DataSource) {}

  async systems(scope: AgencyScope, systemId?: string): Promise<SystemPostureRow[]> {
    const where = scopeCondition(scope, 's.agency_id', 2);
    return this.dataSource.query(
      `SELECT ${SYSTEM_COLUMNS} FROM information_systems s JOIN agencies a ON a.id = s.agency_id
       WHERE ($1::text IS NULL OR s.id = $1) AND ${where.sql} ORDER BY s.agency_id, s.id`,
      [systemId ?? null, ...where.params],
    );
  }

  async monitoringServices(agencyIds: readonly string[]): Promise<MonitoringServiceRow[]> {
    const rows: Array<{ id: string; agency_id: string; provider: string; kind: 'own' | 'contracted'; contract_ref: string | null; valid_from: string | null; valid_to: string | null; system_ids: string[]; created_at: Date }> =
      await this.dataSource.query(
        `SELECT id, agency_id, provider, kind, contract_ref, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to, system_ids, created_at
         FROM monitoring_services WHERE agency_id = ANY($1::text[]) ORDER BY created_at`,
        [agencyIds],
      );
    return rows.map((r) => ({
      id: r.id,
      agencyId: r.agency_id,
      provider: r.provider,
      kind: r.kind,
      contractRef: r.contract_ref,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      systemIds: r.system_ids,
      createdAt: r.created_at.toISOString(),
    }));
  }

  async addMonitoringService(tx: Tx, agencyId: string, service: Omit<MonitoringServiceRow, 'id' | 'agencyId' | 'createdAt'>): Promise<string> {
    const rows: Array<{ id: string }> = await managerOf(tx).query(
      `INSERT INTO monitoring_services (agency_id, provider, kind, contract_ref, valid_from, valid_to, system_ids) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [agencyId, service.provider, service.kind, service.contractRef, service.validFrom, service.validTo, service.systemIds],
    );
    return rows[0]!.id;
  }

  async deleteMonitoringService(tx: Tx, agencyId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await managerOf(tx).query('WITH gone AS (DELETE FROM monitoring_services WHERE id = $1 AND agency_id = $2 RETURNING id) SELECT id FROM gone', [id, agencyId]);
    return rows.length > 0;
  }

  /** Sources that delivered each system's events since `since`, with the source health monitor's verdict. */
  async reportingSources(systemIds: readonly string[], since: Date): Promise<Map<string, ReportingSource[]>> {
    const rows: Array<{ system_id: string; source_id: string; name: string | null; last_received_at: Date; silent_since: Date | null }> = await this.dataSource.query(
      `SELECT ss.system_id, ss.source_id, src.name, ss.last_received_at, src.silent_since
       FROM system_sources ss LEFT JOIN sources src ON src.id = ss.source_id
       WHERE ss.system_id = ANY($1::text[]) AND ss.last_received_at >= $2 ORDER BY ss.system_id, ss.source_id`,
      [systemIds, since],
    );
    return groupBy(rows, (r) => r.system_id, (r) => ({
      sourceId: r.source_id,
      name: r.name,
      lastReceivedAt: r.last_received_at.toISOString(),
      silentSince: r.silent_since?.toISOString() ?? null,
    }));
  }

  async assessments(systemIds: readonly string[]): Promise<Map<string, AssessmentRow[]>> {
    const rows: Array<{ id: string; system_id: string; assessor: string; assessed_on: string; open_findings: number; scope: string | null; report_ref: string | null }> = await this.dataSource.query(
      `SELECT id, system_id, assessor, to_char(assessed_on, 'YYYY-MM-DD') AS assessed_on, open_findings, scope, report_ref
       FROM assessments WHERE system_id = ANY($1::text[]) ORDER BY assessed_on DESC, created_at DESC`,
      [systemIds],
    );
    return groupBy(rows, (r) => r.system_id, (r) => ({ id: r.id, systemId: r.system_id, assessor: r.assessor, assessedOn: r.assessed_on, openFindings: r.open_findings, scope: r.scope, reportRef: r.report_ref }));
  }

  async addAssessment(tx: Tx, systemId: string, assessment: Omit<AssessmentRow, 'id' | 'systemId'>): Promise<string> {
    const rows: Array<{ id: string }> = await managerOf(tx).query(
      'INSERT INTO assessments (system_id, assessor, assessed_on, scope, open_findings, report_ref) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [systemId, assessment.assessor, assessment.assessedOn, assessment.scope, assessment.openFindings, assessment.reportRef],
    );
    return rows[0]!.id;
  }

  /** Open incidents per system and priority (an incident hitting two systems counts for both). */
  async openIncidents(systemIds: readonly string[]): Promise<Map<string, Partial<Record<Priority, number>>>> {
    const rows: Array<{ system_id: string; priority: Priority; n: number }> = await this.dataSource.query(
      `SELECT s.system_id, i.priority, count(*)::int AS n FROM incidents i, unnest(i.system_ids) AS s(system_id)
       WHERE i.system_ids && $1::text[] AND i.state NOT IN ('resolved', 'closed') AND i.merged_into IS NULL AND s.system_id = ANY($1::text[])
       GROUP BY 1, 2`,
      [systemIds],
    );
    const counts = new Map<string, Partial<Record<Priority, number>>>();
    for (const row of rows) counts.set(row.system_id, { ...counts.get(row.system_id), [row.priority]: row.n });
    return counts;
  }

  async vulnerabilities(systemIds: readonly string[], onlyOpen: boolean): Promise<Map<string, VulnerabilityRow[]>> {
    const rows: Array<{ id: string; system_id: string; reference: string; title: string; severity: string; status: string; found_on: string | null }> = await this.dataSource.query(
      `SELECT id, system_id, reference, title, severity, status, to_char(found_on, 'YYYY-MM-DD') AS found_on FROM vulnerabilities
       WHERE system_id = ANY($1::text[]) AND (NOT $2 OR status = 'open') ORDER BY system_id, reference`,
      [systemIds, onlyOpen],
    );
    return groupBy(rows, (r) => r.system_id, (r) => ({ id: r.id, systemId: r.system_id, reference: r.reference, title: r.title, severity: r.severity, status: r.status, foundOn: r.found_on }));
  }

  /** Upserts by (system, reference): a re-import updates status and severity. Returns [created, updated]. */
  async importVulnerabilities(tx: Tx, systemId: string, items: ReadonlyArray<Omit<VulnerabilityRow, 'id' | 'systemId'>>): Promise<{ created: number; updated: number }> {
    const rows: Array<{ inserted: boolean }> = await managerOf(tx).query(
      `INSERT INTO vulnerabilities (system_id, reference, title, severity, status, found_on)
       SELECT $1, v.reference, v.title, v.severity, v.status, v."foundOn"
       FROM jsonb_to_recordset($2::jsonb) AS v(reference text, title text, severity text, status text, "foundOn" date)
       ON CONFLICT (system_id, reference) DO UPDATE SET title = EXCLUDED.title, severity = EXCLUDED.severity, status = EXCLUDED.status,
         found_on = EXCLUDED.found_on, imported_at = now()
       RETURNING (xmax = 0) AS inserted`,
      [systemId, JSON.stringify(items)],
    );
    const created = rows.filter((r) => r.inserted).length;
    return { created, updated: rows.length - created };
  }

  async openReviews(systemIds: readonly string[]): Promise<Map<string, Array<{ id: string; trigger: string; reason: string; createdAt: string }>>> {
    const rows: Array<{ id: string; system_id: string; trigger: string; reason: string; created_at: Date }> = await this.dataSource.query(
      `SELECT id, system_id, trigger, reason, created_at FROM posture_reviews WHERE system_id = ANY($1::text[]) AND status = 'open' ORDER BY created_at`,
      [systemIds],
    );
    return groupBy(rows, (r) => r.system_id, (r) => ({ id: r.id, trigger: r.trigger, reason: r.reason, createdAt: r.created_at.toISOString() }));
  }

  async lastNationalShareAt(): Promise<string | null> {
    const rows: Array<{ at: Date | null }> = await this.dataSource.query('SELECT max(shared_at) AS at FROM national_shares');
    return rows[0]?.at?.toISOString() ?? null;
  }

  async saveSnapshot(tx: Tx, day: string, kpis: unknown): Promise<void> {
    await managerOf(tx).query(
      `INSERT INTO posture_snapshots (taken_on, kpis) VALUES ($1, $2) ON CONFLICT (taken_on) DO UPDATE SET kpis = EXCLUDED.kpis, taken_at = now()`,
      [day, JSON.stringify(kpis)],
    );
  }

  async snapshots(from: string, to: string): Promise<Array<{ day: string; kpis: unknown }>> {
    const rows: Array<{ day: string; kpis: unknown }> = await this.dataSource.query(
      `SELECT to_char(taken_on, 'YYYY-MM-DD') AS day, kpis FROM posture_snapshots WHERE taken_on BETWEEN $1 AND $2 ORDER BY taken_on`,
      [from, to],
    );
    return rows;
  }

  /** True the first time a reminder key is claimed: each reminder goes out once, whichever node runs the job. */
  async claimReminder(tx: Tx, key: string): Promise<boolean> {
    const rows: unknown[] = await managerOf(tx).query('INSERT INTO deadline_reminders (key) VALUES ($1) ON CONFLICT DO NOTHING RETURNING key', [key]);
    return rows.length > 0;
  }
}

function groupBy<R, V>(rows: readonly R[], keyOf: (row: R) => string, valueOf: (row: R) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = groups.get(key);
    if (list) list.push(valueOf(row));
    else groups.set(key, [valueOf(row)]);
  }
  return groups;
}
