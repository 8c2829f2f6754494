import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AlertFinding } from '@soc/detection';
import { type AgencyScope, type Priority, scopeCondition } from '@soc/shared';
import { containsPattern, managerOf, SqlConditions, Tx } from '@soc/storage';
import { AlertChange, AlertPage, AlertStatus, AlertView } from './alert.view';
import { AlertCursor, decodeCursor, encodeCursor } from './alert-cursor';
import type { AlertListFilter } from './list-alerts.query';

interface AlertRow {
  id: string;
  fingerprint: string;
  rule_id: string;
  title: string;
  severity: string;
  status: AlertStatus;
  source_ip: string | null;
  agency_id: string | null;
  security_level: number | null;
  first_seen: Date;
  last_seen: Date;
  event_count: number;
  event_ids: string[];
  details: Pick<AlertView, 'tags' | 'entities' | 'explanation' | 'kind' | 'author' | 'references' | 'matches' | 'groupBy' | 'indicator'>;
  incident_id: string | null;
  priority: Priority | null;
  created_at: Date;
  updated_at: Date;
  inserted?: boolean;
}

@Injectable()
export class AlertsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes a batch's findings by fingerprint in one statement: a new fingerprint inserts, a known one
   * updates the open alert. Rows are locked in fingerprint order, so concurrent batches cannot deadlock.
   * Whether a row was created is read from the database (`xmax = 0`), not trusted from the finding.
   */
  async applyFindings(tx: Tx, findings: readonly AlertFinding[]): Promise<AlertChange[]> {
    if (findings.length === 0) return [];
    const records = findings.map((f) => ({
      fingerprint: f.fingerprint,
      rule_id: f.ruleId,
      title: f.title,
      severity: f.severity,
      source_ip: f.entities.sourceIp ?? null,
      agency_id: f.entities.agencyId,
      security_level: f.entities.securityLevel ?? null,
      first_seen: f.firstSeen,
      last_seen: f.lastSeen,
      event_count: f.eventCount,
      event_ids: f.eventIds,
      details: {
        tags: f.tags,
        entities: f.entities,
        explanation: f.explanation,
        ...(f.kind ? { kind: f.kind } : {}),
        ...(f.author ? { author: f.author } : {}),
        ...(f.references ? { references: f.references } : {}),
        ...(f.matches ? { matches: f.matches } : {}),
        ...(f.groupBy ? { groupBy: f.groupBy } : {}),
        ...(f.indicator ? { indicator: f.indicator } : {}),
      },
    }));
    const rows: AlertRow[] = await managerOf(tx).query(
      `INSERT INTO alerts (fingerprint, rule_id, title, severity, source_ip, agency_id, security_level, first_seen, last_seen, event_count, event_ids, details)
       SELECT f.fingerprint, f.rule_id, f.title, f.severity, f.source_ip::inet, f.agency_id, f.security_level, f.first_seen, f.last_seen, f.event_count, f.event_ids, f.details
       FROM jsonb_to_recordset($1::jsonb) AS f(fingerprint text, rule_id text, title text, severity text, source_ip text, agency_id text, security_level smallint,
         first_seen timestamptz, last_seen timestamptz, event_count integer, event_ids uuid[], details jsonb)
       ORDER BY f.fingerprint
       ON CONFLICT (fingerprint) DO UPDATE SET
         first_seen = LEAST(alerts.first_seen, EXCLUDED.first_seen),
         last_seen = GREATEST(alerts.last_seen, EXCLUDED.last_seen),
         event_count = EXCLUDED.event_count,
         event_ids = EXCLUDED.event_ids,
         security_level = EXCLUDED.security_level,
         details = EXCLUDED.details,
         updated_at = now()
       RETURNING *, (xmax = 0) AS inserted`,
      [JSON.stringify(records)],
    );
    return rows.map((row) => ({ change: row.inserted ? 'created' : 'updated', alert: toView(row) }));
  }

  /** Newest first, keyset-paginated on (created_at, id) so pages stay stable while alerts arrive. */
  async list(scope: AgencyScope, limit: number, cursor?: string, filter: AlertListFilter = {}): Promise<AlertPage> {
    const after: AlertCursor | undefined = cursor === undefined ? undefined : decodeCursor(cursor);
    const where = new SqlConditions();
    if (after) where.add('(created_at, id) < ($1::timestamptz, $2::uuid)', after.createdAt, after.id);
    if (filter.status?.length) where.add('status = ANY($1::text[])', filter.status);
    if (filter.priority?.length) where.add('priority = ANY($1::text[])', filter.priority);
    if (filter.severity?.length) where.add('severity = ANY($1::text[])', filter.severity);
    if (filter.agencyId) where.add('agency_id = $1', filter.agencyId);
    if (filter.systemId) where.add(`details -> 'entities' -> 'systemIds' ? $1`, filter.systemId);
    if (filter.incidentId) where.add('incident_id = $1::uuid', filter.incidentId);
    if (filter.from) where.add('last_seen >= $1::timestamptz', filter.from);
    if (filter.to) where.add('first_seen < $1::timestamptz', filter.to);
    if (filter.q) where.add('(title ILIKE $1 OR rule_id ILIKE $1 OR host(source_ip) = $2)', containsPattern(filter.q), filter.q.trim());
    const scoped = scopeCondition(scope, 'agency_id', 1);
    where.add(scoped.sql, ...scoped.params);
    const rows: AlertRow[] = await this.dataSource.query(
      `SELECT * FROM alerts WHERE ${where.sql} ORDER BY created_at DESC, id DESC LIMIT ${where.placeholder(limit + 1)}`,
      where.params,
    );
    const items = rows.slice(0, limit).map(toView);
    const last = rows.length > limit ? rows[limit - 1]! : undefined;
    return { items, nextCursor: last ? encodeCursor({ createdAt: last.created_at.toISOString(), id: last.id }) : null };
  }

  /** Undefined both when there is no such alert and when it is outside the scope: existence does not leak. */
  async get(scope: AgencyScope, id: string): Promise<AlertView | undefined> {
    const where = scopeCondition(scope, 'agency_id', 2);
    const rows: AlertRow[] = await this.dataSource.query(`SELECT * FROM alerts WHERE id = $1 AND ${where.sql}`, [id, ...where.params]);
    return rows[0] && toView(rows[0]);
  }

  /** Records each alert's priority and incident (null: not in one), returning the alerts as they now are. */
  async placeInIncidents(tx: Tx, placements: ReadonlyArray<{ id: string; priority: Priority; incidentId: string | null }>): Promise<AlertView[]> {
    if (placements.length === 0) return [];
    const rows: AlertRow[] = await managerOf(tx).query(
      `WITH placed AS (
         UPDATE alerts a SET priority = p.priority, incident_id = p."incidentId"
         FROM jsonb_to_recordset($1::jsonb) AS p(id uuid, priority text, "incidentId" uuid)
         WHERE a.id = p.id RETURNING a.*)
       SELECT * FROM placed`,
      [JSON.stringify(placements)],
    );
    return rows.map(toView);
  }

  /** Moves alerts of one incident to another (merge, split); returns the ids moved. */
  async moveToIncident(tx: Tx, fromIncidentIds: readonly string[], toIncidentId: string, alertIds?: readonly string[]): Promise<string[]> {
    const rows: Array<{ id: string }> = await managerOf(tx).query(
      `WITH moved AS (
         UPDATE alerts SET incident_id = $2 WHERE incident_id = ANY($1::uuid[]) AND ($3::uuid[] IS NULL OR id = ANY($3::uuid[])) RETURNING id)
       SELECT id FROM moved`,
      [fromIncidentIds, toIncidentId, alertIds ?? null],
    );
    return rows.map((row) => row.id);
  }

  /** The alerts of an incident, oldest first (the caller has checked the incident is in scope). */
  async ofIncident(incidentId: string, limit: number, tx?: Tx): Promise<AlertView[]> {
    const rows: AlertRow[] = await (tx ? managerOf(tx) : this.dataSource.manager).query('SELECT * FROM alerts WHERE incident_id = $1 ORDER BY first_seen, id LIMIT $2', [incidentId, limit]);
    return rows.map(toView);
  }

  /** Closes the alert with this fingerprint if it is open (system-driven: a condition that ended). */
  async closeByFingerprint(tx: Tx, fingerprint: string): Promise<AlertView | undefined> {
    const rows: AlertRow[] = await managerOf(tx).query(
      `WITH closed AS (UPDATE alerts SET status = 'closed', updated_at = now() WHERE fingerprint = $1 AND status <> 'closed' RETURNING *)
       SELECT * FROM closed`,
      [fingerprint],
    );
    return rows[0] && toView(rows[0]);
  }

  async setStatus(tx: Tx, scope: AgencyScope, id: string, status: AlertStatus): Promise<{ before: AlertStatus; alert: AlertView } | undefined> {
    const where = scopeCondition(scope, 'a.agency_id', 3);
    const rows: Array<AlertRow & { before: AlertStatus }> = await managerOf(tx).query(
      `WITH previous AS (SELECT id, status FROM alerts WHERE id = $1 FOR UPDATE),
            updated AS (
              UPDATE alerts a SET status = $2, updated_at = now() FROM previous p
              WHERE a.id = p.id AND ${where.sql} RETURNING a.*, p.status AS before)
       SELECT * FROM updated`,
      [id, status, ...where.params],
    );
    const row = rows[0];
    return row && { before: row.before, alert: toView(row) };
  }
}

function toView(row: AlertRow): AlertView {
  return {
    id: row.id,
    ruleId: row.rule_id,
    title: row.title,
    severity: row.severity,
    status: row.status,
    fingerprint: row.fingerprint,
    ...(row.source_ip ? { sourceIp: row.source_ip } : {}),
    agencyId: row.agency_id,
    securityLevel: row.security_level,
    firstSeen: row.first_seen.toISOString(),
    lastSeen: row.last_seen.toISOString(),
    eventCount: row.event_count,
    eventIds: row.event_ids,
    tags: row.details.tags,
    entities: row.details.entities,
    explanation: row.details.explanation,
    ...(row.details.kind ? { kind: row.details.kind } : {}),
    ...(row.details.author ? { author: row.details.author } : {}),
    ...(row.details.references ? { references: row.details.references } : {}),
    ...(row.details.matches ? { matches: row.details.matches } : {}),
    ...(row.details.groupBy ? { groupBy: row.details.groupBy } : {}),
    ...(row.details.indicator ? { indicator: row.details.indicator } : {}),
    priority: row.priority,
    incidentId: row.incident_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
