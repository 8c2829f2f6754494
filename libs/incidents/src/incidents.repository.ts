import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { type AgencyScope, type Priority, scopeCondition } from '@soc/shared';
import { managerOf, Tx } from '@soc/storage';
import { IncidentSummary, ObservableView, TaskView, TimelineEntryView } from './incident.view';
import { type IncidentListFilter, listQuery } from './incident-list';
import type { ObservableTally } from './incident-observables';
import type { IncidentCategory, IncidentEffect, IncidentState, Resolution } from './pure';

export interface IncidentRow {
  id: string;
  number: string;
  title: string;
  agency_id: string | null;
  state: IncidentState;
  resolution: Resolution | null;
  priority: Priority;
  severity: string;
  security_level: number | null;
  system_ids: string[];
  group_keys: string[];
  effects: IncidentEffect[];
  serious: boolean;
  serious_manual: boolean;
  serious_reason: string | null;
  category: IncidentCategory;
  exceeds_capacity: boolean;
  national_security: boolean;
  assignee_id: string | null;
  merged_into: string | null;
  alert_count: number;
  first_seen: Date;
  last_seen: Date;
  created_at: Date;
  updated_at: Date;
  acknowledged_at: Date | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  ack_due_at: Date;
  resolve_due_at: Date;
  ack_breached_at: Date | null;
  resolve_breached_at: Date | null;
}

export interface NewIncident {
  title: string;
  agencyId: string | null;
  priority: Priority;
  severity: string;
  category: IncidentCategory;
  groupKeys: readonly string[];
  firstSeen: string;
  lastSeen: string;
  createdAt: Date;
  acknowledgeBy: Date;
  resolveBy: Date;
}

/** Columns a workflow action may change. */
export interface IncidentPatch {
  title?: string;
  state?: IncidentState;
  resolution?: Resolution | null;
  acknowledged_at?: Date | null;
  resolved_at?: Date | null;
  closed_at?: Date | null;
  assignee_id?: string | null;
  serious?: boolean;
  serious_manual?: boolean;
  serious_reason?: string | null;
  effects?: IncidentEffect[];
  category?: IncidentCategory;
  exceeds_capacity?: boolean;
  national_security?: boolean;
  merged_into?: string | null;
  ack_due_at?: Date;
  resolve_due_at?: Date;
  ack_breached_at?: Date;
  resolve_breached_at?: Date;
}

export interface TimelineEntry {
  incidentId: string;
  actor: string;
  kind: string;
  details?: Record<string, unknown>;
}

export interface ResponseTimesRow {
  g_priority: number;
  g_agency: number;
  priority: string | null;
  agency_id: string | null;
  incidents: string;
  acknowledged: string;
  resolved: string;
  mtta_minutes: number | null;
  mttr_minutes: number | null;
  sla_breaches: string;
}

const SEVERITY_ORDER = `CASE severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END`;

@Injectable()
export class IncidentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Serializes grouping on these keys until the transaction ends, so two batches with alerts from the same
   * attacker cannot both open an incident. Locks are taken in one global order, so batches cannot deadlock.
   */
  async lockGroupingKeys(tx: Tx, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await managerOf(tx).query(
      `SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtextextended(k, 7201) AS h FROM unnest($1::text[]) AS k ORDER BY h) AS ordered`,
      [keys],
    );
  }

  /** The open incident sharing a key whose last event is recent enough, most recently active first. */
  async findOpenByKeys(tx: Tx, keys: readonly string[], notBefore: Date): Promise<IncidentRow | undefined> {
    const rows: IncidentRow[] = await managerOf(tx).query(
      `SELECT * FROM incidents
       WHERE group_keys && $1::text[] AND state NOT IN ('resolved', 'closed') AND merged_into IS NULL AND last_seen >= $2
       ORDER BY last_seen DESC LIMIT 1 FOR UPDATE`,
      [keys, notBefore],
    );
    return rows[0];
  }

  async create(tx: Tx, draft: NewIncident): Promise<IncidentRow> {
    const rows: IncidentRow[] = await managerOf(tx).query(
      `INSERT INTO incidents (title, agency_id, priority, severity, group_keys, first_seen, last_seen, created_at, updated_at, ack_due_at, resolve_due_at, category)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10, $11) RETURNING *`,
      [draft.title, draft.agencyId, draft.priority, draft.severity, draft.groupKeys, draft.firstSeen, draft.lastSeen, draft.createdAt, draft.acknowledgeBy, draft.resolveBy, draft.category],
    );
    return rows[0]!;
  }

  async addGroupKeys(tx: Tx, id: string, keys: readonly string[]): Promise<void> {
    await managerOf(tx).query(
      `UPDATE incidents SET group_keys = ARRAY(SELECT DISTINCT k FROM unnest(group_keys || $2::text[]) AS k ORDER BY k) WHERE id = $1`,
      [id, keys],
    );
  }

  /**
   * Recomputes what an incident derives from its alerts: count, event-time span, most urgent priority, highest
   * severity and security level, systems. Returns the rows with the priority they had before.
   */
  async refreshFromAlerts(tx: Tx, ids: readonly string[]): Promise<Array<IncidentRow & { previous_priority: Priority }>> {
    if (ids.length === 0) return [];
    return managerOf(tx).query(
      `WITH derived AS (
         SELECT a.incident_id, count(*)::int AS n, min(a.first_seen) AS first_seen, max(a.last_seen) AS last_seen,
                max(a.security_level) AS security_level, min(a.priority) AS priority,
                (array_agg(a.severity ORDER BY ${SEVERITY_ORDER.replace('severity', 'a.severity')} DESC))[1] AS severity,
                ARRAY(SELECT DISTINCT s FROM alerts b, jsonb_array_elements_text(coalesce(b.details -> 'entities' -> 'systemIds', '[]')) AS s
                      WHERE b.incident_id = a.incident_id ORDER BY s) AS system_ids
         FROM alerts a WHERE a.incident_id = ANY($1::uuid[]) GROUP BY a.incident_id),
       previous AS (SELECT id, priority FROM incidents WHERE id = ANY($1::uuid[]) FOR UPDATE),
       refreshed AS (
         UPDATE incidents i SET alert_count = d.n, first_seen = d.first_seen, last_seen = d.last_seen, security_level = d.security_level,
           priority = coalesce(d.priority, i.priority), severity = d.severity, system_ids = d.system_ids, updated_at = now()
         FROM derived d, previous p WHERE i.id = d.incident_id AND p.id = i.id
         RETURNING i.*, p.priority AS previous_priority)
       SELECT * FROM refreshed`,
      [ids],
    );
  }

  async update(tx: Tx, id: string, patch: IncidentPatch): Promise<IncidentRow> {
    const columns = Object.keys(patch) as Array<keyof IncidentPatch>;
    const sets = columns.map((column, i) => `${column} = $${i + 2}`);
    const rows: IncidentRow[] = await managerOf(tx).query(
      `WITH changed AS (UPDATE incidents SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING *) SELECT * FROM changed`,
      [id, ...columns.map((column) => patch[column])],
    );
    return rows[0]!;
  }

  /** Undefined both when there is no such incident and when it is outside the scope. */
  async get(scope: AgencyScope, id: string, tx?: Tx): Promise<IncidentRow | undefined> {
    const where = scopeCondition(scope, 'agency_id', 2);
    const rows: IncidentRow[] = await this.manager(tx).query(
      `SELECT * FROM incidents WHERE id = $1 AND ${where.sql}${tx ? ' FOR UPDATE' : ''}`,
      [id, ...where.params],
    );
    return rows[0];
  }

  async list(scope: AgencyScope, filter: IncidentListFilter): Promise<IncidentRow[]> {
    const query = listQuery(scope, filter);
    return this.dataSource.query(query.sql, query.params);
  }

  /** Whether any of these systems is on the national-importance list. */
  async anyNationallyImportant(tx: Tx, systemIds: readonly string[]): Promise<boolean> {
    if (systemIds.length === 0) return false;
    const rows: Array<{ important: boolean }> = await managerOf(tx).query(
      'SELECT coalesce(bool_or(nationally_important), false) AS important FROM information_systems WHERE id = ANY($1::text[])',
      [systemIds],
    );
    return rows[0]?.important === true;
  }

  /** Sets an incident's observables to exactly these (after grouping, merge or split). */
  async replaceObservables(tx: Tx, incidentId: string, observables: readonly ObservableTally[]): Promise<void> {
    const manager = managerOf(tx);
    await manager.query('DELETE FROM incident_observables WHERE incident_id = $1', [incidentId]);
    if (observables.length === 0) return;
    await manager.query(
      `INSERT INTO incident_observables (incident_id, type, value, first_seen, last_seen, sightings)
       SELECT $1, o.type, o.value, o."firstSeen", o."lastSeen", o.sightings
       FROM jsonb_to_recordset($2::jsonb) AS o(type text, value text, "firstSeen" timestamptz, "lastSeen" timestamptz, sightings integer)`,
      [incidentId, JSON.stringify(observables)],
    );
  }

  /**
   * Adds observables to an incident: a known one widens its time span, and counts another sighting when it
   * comes from an alert that just joined (`sightings` 1) rather than from one updated again (0).
   */
  async addObservables(tx: Tx, incidentId: string, observables: readonly ObservableTally[]): Promise<void> {
    if (observables.length === 0) return;
    await managerOf(tx).query(
      `INSERT INTO incident_observables (incident_id, type, value, first_seen, last_seen, sightings)
       SELECT $1, o.type, o.value, o."firstSeen", o."lastSeen", o.sightings
       FROM jsonb_to_recordset($2::jsonb) AS o(type text, value text, "firstSeen" timestamptz, "lastSeen" timestamptz, sightings integer)
       ORDER BY o.type, o.value
       ON CONFLICT (incident_id, type, value) DO UPDATE SET
         first_seen = LEAST(incident_observables.first_seen, EXCLUDED.first_seen),
         last_seen = GREATEST(incident_observables.last_seen, EXCLUDED.last_seen),
         sightings = incident_observables.sightings + EXCLUDED.sightings`,
      [incidentId, JSON.stringify(observables)],
    );
  }

  async observables(incidentId: string): Promise<ObservableView[]> {
    const rows: Array<{ type: ObservableView['type']; value: string; first_seen: Date; last_seen: Date; sightings: number }> = await this.dataSource.query(
      'SELECT type, value, first_seen, last_seen, sightings FROM incident_observables WHERE incident_id = $1 ORDER BY sightings DESC, type, value',
      [incidentId],
    );
    return rows.map((r) => ({ type: r.type, value: r.value, firstSeen: r.first_seen.toISOString(), lastSeen: r.last_seen.toISOString(), sightings: r.sightings }));
  }

  async appendTimeline(tx: Tx, entries: readonly TimelineEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await managerOf(tx).query(
      `INSERT INTO incident_timeline (incident_id, actor, kind, details)
       SELECT e."incidentId", e.actor, e.kind, coalesce(e.details, '{}') FROM jsonb_to_recordset($1::jsonb) AS e("incidentId" uuid, actor text, kind text, details jsonb)`,
      [JSON.stringify(entries)],
    );
  }

  async timeline(incidentId: string, limit: number): Promise<TimelineEntryView[]> {
    const rows: Array<{ id: string; at: Date; actor: string; kind: string; details: Record<string, unknown> }> = await this.dataSource.query(
      'SELECT id, at, actor, kind, details FROM incident_timeline WHERE incident_id = $1 ORDER BY id LIMIT $2',
      [incidentId, limit],
    );
    return rows.map((r) => ({ id: Number(r.id), at: r.at.toISOString(), actor: r.actor, kind: r.kind, details: r.details }));
  }

  async addTask(tx: Tx, incidentId: string, task: { title: string; assigneeId: string | null; dueAt: string | null; createdBy: string }): Promise<TaskView> {
    const rows: TaskRow[] = await managerOf(tx).query(
      'INSERT INTO incident_tasks (incident_id, title, assignee_id, due_at, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING *',
      [incidentId, task.title, task.assigneeId, task.dueAt, task.createdBy],
    );
    return toTaskView(rows[0]!);
  }

  async updateTask(tx: Tx, incidentId: string, taskId: string, patch: { status?: TaskView['status']; assigneeId?: string | null }): Promise<{ before: TaskView; after: TaskView } | undefined> {
    const rows: Array<TaskRow & { before_status: TaskView['status']; before_assignee: string | null }> = await managerOf(tx).query(
      `WITH previous AS (SELECT id, status, assignee_id FROM incident_tasks WHERE id = $1 AND incident_id = $2 FOR UPDATE),
            changed AS (
              UPDATE incident_tasks t SET status = coalesce($3, t.status), assignee_id = CASE WHEN $4 THEN $5::uuid ELSE t.assignee_id END, updated_at = now()
              FROM previous p WHERE t.id = p.id RETURNING t.*, p.status AS before_status, p.assignee_id AS before_assignee)
       SELECT * FROM changed`,
      [taskId, incidentId, patch.status ?? null, patch.assigneeId !== undefined, patch.assigneeId ?? null],
    );
    const row = rows[0];
    return row && { before: toTaskView({ ...row, status: row.before_status, assignee_id: row.before_assignee }), after: toTaskView(row) };
  }

  async tasks(incidentId: string): Promise<TaskView[]> {
    const rows: TaskRow[] = await this.dataSource.query('SELECT * FROM incident_tasks WHERE incident_id = $1 ORDER BY created_at, id', [incidentId]);
    return rows.map(toTaskView);
  }

  /** Open incidents whose acknowledge or resolve deadline passed without a breach being recorded yet. */
  async dueForBreach(tx: Tx, now: Date, limit: number): Promise<IncidentRow[]> {
    return managerOf(tx).query(
      `SELECT * FROM incidents
       WHERE merged_into IS NULL AND (
         (ack_breached_at IS NULL AND acknowledged_at IS NULL AND ack_due_at <= $1 AND state = 'new')
         OR (resolve_breached_at IS NULL AND resolved_at IS NULL AND resolve_due_at <= $1 AND state NOT IN ('resolved', 'closed')))
       ORDER BY least(ack_due_at, resolve_due_at) LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
  }

  /** MTTA and MTTR for incidents opened in [from, to), per priority and per agency (grouping sets). */
  async responseTimes(scope: AgencyScope, from: Date, to: Date): Promise<ResponseTimesRow[]> {
    const where = scopeCondition(scope, 'agency_id', 3);
    return this.dataSource.query(
      `SELECT priority, agency_id, GROUPING(priority) AS g_priority, GROUPING(agency_id) AS g_agency,
              count(*) AS incidents, count(acknowledged_at) AS acknowledged, count(resolved_at) AS resolved,
              avg(extract(epoch FROM acknowledged_at - created_at) / 60)::float8 AS mtta_minutes,
              avg(extract(epoch FROM resolved_at - created_at) / 60)::float8 AS mttr_minutes,
              count(*) FILTER (WHERE ack_breached_at IS NOT NULL OR resolve_breached_at IS NOT NULL) AS sla_breaches
       FROM incidents
       WHERE created_at >= $1 AND created_at < $2 AND merged_into IS NULL AND ${where.sql}
       GROUP BY GROUPING SETS ((), (priority), (agency_id))`,
      [from, to, ...where.params],
    );
  }

  private manager(tx?: Tx): EntityManager {
    return tx ? managerOf(tx) : this.dataSource.manager;
  }
}

interface TaskRow {
  id: string;
  title: string;
  status: TaskView['status'];
  assignee_id: string | null;
  due_at: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

function toTaskView(row: TaskRow): TaskView {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    assigneeId: row.assignee_id,
    dueAt: row.due_at?.toISOString() ?? null,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The human reference of an incident (số hiệu), e.g. SC-000042; `q` in the list searches it the same way. */
export function incidentRef(number: string): string {
  return `SC-${number.padStart(6, '0')}`;
}

export function toIncidentSummary(row: IncidentRow): IncidentSummary {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: row.id,
    ref: incidentRef(row.number),
    title: row.title,
    agencyId: row.agency_id,
    state: row.state,
    resolution: row.resolution,
    priority: row.priority,
    severity: row.severity,
    securityLevel: row.security_level,
    systemIds: row.system_ids,
    serious: row.serious,
    seriousManual: row.serious_manual,
    seriousReason: row.serious_reason,
    effects: row.effects,
    category: row.category,
    exceedsCapacity: row.exceeds_capacity,
    nationalSecurity: row.national_security,
    assigneeId: row.assignee_id,
    mergedInto: row.merged_into,
    alertCount: row.alert_count,
    groupKeys: row.group_keys,
    firstSeen: row.first_seen.toISOString(),
    lastSeen: row.last_seen.toISOString(),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    acknowledgedAt: iso(row.acknowledged_at),
    resolvedAt: iso(row.resolved_at),
    closedAt: iso(row.closed_at),
    sla: {
      acknowledgeBy: row.ack_due_at.toISOString(),
      resolveBy: row.resolve_due_at.toISOString(),
      acknowledgeBreachedAt: iso(row.ack_breached_at),
      resolveBreachedAt: iso(row.resolve_breached_at),
    },
  };
}
