import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerOf, Tx } from '@soc/storage';
import { type Category, CATEGORIES, type CategoryCounts, type PeriodicReportContent, type PeriodicReportRecord, type PeriodicReportSummary, summaryOf } from './periodic-report';
import type { ReportKind } from './pure';

export interface ReportSchedule {
  kind: ReportKind;
  cron: string;
  enabled: boolean;
  updatedBy: string;
  updatedAt: string;
}

interface ReportRow {
  id: string;
  kind: ReportKind;
  period_from: string;
  period_to: string;
  generated_at: Date;
  trigger: 'scheduled' | 'on_demand';
  requested_by: string;
  content: PeriodicReportContent;
}

const REPORT_COLUMNS = `id, kind, to_char(period_from, 'YYYY-MM-DD') AS period_from, to_char(period_to, 'YYYY-MM-DD') AS period_to, generated_at, trigger, requested_by, content`;
const emptyCounts = (): CategoryCounts => Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as CategoryCounts;
const categoryOf = (value: string | null): Category => ((CATEGORIES as readonly string[]).includes(value ?? '') ? (value as Category) : 'other');

/** The figures of a period (province-wide: periodic reports are the province's), and the reports and schedules kept. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async incidentFigures(from: Date, to: Date): Promise<Pick<PeriodicReportContent, 'incidents' | 'response'>> {
    const rows: Array<{ agency_id: string | null; agency_name: string | null; category: string | null; priority: string; serious: boolean; n: number; acked: number; resolved: number; mtta: number | null; mttr: number | null; breaches: number }> =
      await this.dataSource.query(
        `SELECT i.agency_id, a.name AS agency_name, i.category, i.priority, i.serious, count(*)::int AS n,
                count(i.acknowledged_at)::int AS acked, count(i.resolved_at)::int AS resolved,
                sum(extract(epoch FROM i.acknowledged_at - i.created_at) / 60)::float8 AS mtta,
                sum(extract(epoch FROM i.resolved_at - i.created_at) / 60)::float8 AS mttr,
                count(*) FILTER (WHERE i.ack_breached_at IS NOT NULL OR i.resolve_breached_at IS NOT NULL)::int AS breaches
         FROM incidents i LEFT JOIN agencies a ON a.id = i.agency_id
         WHERE i.created_at >= $1 AND i.created_at < $2 AND i.merged_into IS NULL
         GROUP BY 1, 2, 3, 4, 5`,
        [from, to],
      );
    const incidents: PeriodicReportContent['incidents'] = { total: 0, serious: 0, byCategory: emptyCounts(), byPriority: { P1: 0, P2: 0, P3: 0, P4: 0 }, byAgency: [] };
    const agencies = new Map<string, PeriodicReportContent['incidents']['byAgency'][number]>();
    let acknowledged = 0;
    let resolved = 0;
    let mttaSum = 0;
    let mttrSum = 0;
    let breaches = 0;
    for (const row of rows) {
      const category = categoryOf(row.category);
      incidents.total += row.n;
      if (row.serious) incidents.serious += row.n;
      incidents.byCategory[category] += row.n;
      incidents.byPriority[row.priority] = (incidents.byPriority[row.priority] ?? 0) + row.n;
      const agencyId = row.agency_id ?? '-';
      const agency = agencies.get(agencyId) ?? { agencyId, agencyName: row.agency_name ?? 'Không xác định (unattributed)', total: 0, byCategory: emptyCounts() };
      agency.total += row.n;
      agency.byCategory[category] += row.n;
      agencies.set(agencyId, agency);
      acknowledged += row.acked;
      resolved += row.resolved;
      mttaSum += row.mtta ?? 0;
      mttrSum += row.mttr ?? 0;
      breaches += row.breaches;
    }
    incidents.byAgency = [...agencies.values()].sort((a, b) => b.total - a.total || a.agencyId.localeCompare(b.agencyId));
    const mean = (sum: number, n: number) => (n === 0 ? null : Math.round((sum / n) * 10) / 10);
    return { incidents, response: { acknowledged, resolved, mttaMinutes: mean(mttaSum, acknowledged), mttrMinutes: mean(mttrSum, resolved), slaBreaches: breaches } };
  }

  /** Alerts whose first event falls in the period (event time, like everything detection does). */
  async alertFigures(from: Date, to: Date): Promise<PeriodicReportContent['alerts']> {
    const rows: Array<{ severity: string; n: number }> = await this.dataSource.query(
      'SELECT severity, count(*)::int AS n FROM alerts WHERE first_seen >= $1 AND first_seen < $2 GROUP BY 1 ORDER BY 1',
      [from, to],
    );
    return { total: rows.reduce((sum, r) => sum + r.n, 0), bySeverity: Object.fromEntries(rows.map((r) => [r.severity, r.n])) };
  }

  async topAttackers(from: Date, to: Date, limit: number): Promise<PeriodicReportContent['topAttackers']> {
    return this.dataSource.query(
      `SELECT o.value AS ip, count(DISTINCT o.incident_id)::int AS incidents, sum(o.sightings)::int AS sightings
       FROM incident_observables o JOIN incidents i ON i.id = o.incident_id
       WHERE o.type = 'ip' AND i.created_at >= $1 AND i.created_at < $2 AND i.merged_into IS NULL
       GROUP BY 1 ORDER BY 2 DESC, 3 DESC, 1 LIMIT $3`,
      [from, to, limit],
    );
  }

  async topSystems(from: Date, to: Date, limit: number): Promise<PeriodicReportContent['topSystems']> {
    return this.dataSource.query(
      `SELECT s.id AS "systemId", s.name, s.agency_id AS "agencyId", count(*)::int AS incidents
       FROM incidents i, unnest(i.system_ids) AS hit(system_id) JOIN information_systems s ON s.id = hit.system_id
       WHERE i.created_at >= $1 AND i.created_at < $2 AND i.merged_into IS NULL
       GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1 LIMIT $3`,
      [from, to, limit],
    );
  }

  /** Stores the report of a period, replacing an earlier one of the same kind and period; returns it. */
  async save(tx: Tx, report: Omit<PeriodicReportRecord, 'id' | 'generatedAt'>): Promise<PeriodicReportRecord> {
    const rows: ReportRow[] = await managerOf(tx).query(
      `INSERT INTO periodic_reports (kind, period_from, period_to, trigger, requested_by, content) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (kind, period_from, period_to) DO UPDATE SET content = EXCLUDED.content, trigger = EXCLUDED.trigger,
         requested_by = EXCLUDED.requested_by, generated_at = now()
       RETURNING ${REPORT_COLUMNS}`,
      [report.kind, report.periodFrom, report.periodTo, report.trigger, report.requestedBy, JSON.stringify(report.content)],
    );
    return toRecord(rows[0]!);
  }

  async exists(kind: ReportKind, from: string, to: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM periodic_reports WHERE kind = $1 AND period_from = $2 AND period_to = $3', [kind, from, to]);
    return rows.length > 0;
  }

  async get(id: string): Promise<PeriodicReportRecord | undefined> {
    const rows: ReportRow[] = await this.dataSource.query(`SELECT ${REPORT_COLUMNS} FROM periodic_reports WHERE id = $1`, [id]);
    return rows[0] && toRecord(rows[0]);
  }

  async list(kind: ReportKind | undefined, limit: number): Promise<PeriodicReportSummary[]> {
    const rows: ReportRow[] = await this.dataSource.query(
      `SELECT ${REPORT_COLUMNS} FROM periodic_reports WHERE $1::text IS NULL OR kind = $1 ORDER BY generated_at DESC, id LIMIT $2`,
      [kind ?? null, limit],
    );
    return rows.map((row) => summaryOf(toRecord(row)));
  }

  async schedules(): Promise<ReportSchedule[]> {
    const rows: Array<{ kind: ReportKind; cron: string; enabled: boolean; updated_by: string; updated_at: Date }> = await this.dataSource.query(
      'SELECT kind, cron, enabled, updated_by, updated_at FROM report_schedules ORDER BY kind',
    );
    return rows.map((r) => ({ kind: r.kind, cron: r.cron, enabled: r.enabled, updatedBy: r.updated_by, updatedAt: r.updated_at.toISOString() }));
  }

  async setSchedule(tx: Tx, kind: ReportKind, cron: string, enabled: boolean, actor: string): Promise<ReportSchedule> {
    const rows: Array<{ kind: ReportKind; cron: string; enabled: boolean; updated_by: string; updated_at: Date }> = await managerOf(tx).query(
      `WITH changed AS (UPDATE report_schedules SET cron = $2, enabled = $3, updated_by = $4, updated_at = now() WHERE kind = $1 RETURNING *) SELECT * FROM changed`,
      [kind, cron, enabled, actor],
    );
    const r = rows[0]!;
    return { kind: r.kind, cron: r.cron, enabled: r.enabled, updatedBy: r.updated_by, updatedAt: r.updated_at.toISOString() };
  }
}

function toRecord(row: ReportRow): PeriodicReportRecord {
  return {
    id: row.id,
    kind: row.kind,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    generatedAt: row.generated_at.toISOString(),
    trigger: row.trigger,
    requestedBy: row.requested_by,
    content: row.content,
  };
}
