import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AgencyScope, ErrorCode, scopeCondition, SocError } from '@soc/shared';
import { EventPage, EventSearchQuery, EventView } from './event-search';

interface EventRow {
  id: string;
  ts: Date;
  ingested_at: Date;
  source_id: string;
  agency_id: string | null;
  system_id: string | null;
  security_level: number | null;
  dataset: string | null;
  action: string | null;
  outcome: string | null;
  source_ip: string | null;
  user_name: string | null;
  host_name: string | null;
  doc: Record<string, unknown>;
}

/** Equality filters on indexed columns; each maps a query field to its column and SQL cast. */
const FILTERS: ReadonlyArray<[keyof EventSearchQuery, string]> = [
  ['sourceIp', 'source_ip = $N::inet'],
  ['user', 'user_name = $N'],
  ['host', 'host_name = $N'],
  ['sourceId', 'source_id = $N'],
  ['systemId', 'system_id = $N'],
  ['securityLevel', 'security_level = $N::smallint'],
  ['action', 'action = $N'],
  ['outcome', 'outcome = $N'],
  ['from', 'ts >= $N::timestamptz'],
  ['to', 'ts < $N::timestamptz'],
];

@Injectable()
export class EventsSearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Newest first by event time, keyset-paginated on (ts, id); only the caller's agencies. With an incident,
   * only the events its alerts name (within the alerts' event-time span, so only those partitions are read).
   */
  async search(scope: AgencyScope, query: EventSearchQuery, incidentId?: string): Promise<EventPage> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const bind = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replaceAll('$N', `$${params.length}`));
    };
    for (const [field, sql] of FILTERS) if (query[field] !== undefined) bind(sql, query[field]);
    if (incidentId !== undefined) {
      bind(
        `id IN (SELECT unnest(event_ids) FROM alerts WHERE incident_id = $N::uuid)
         AND ts >= (SELECT min(first_seen) FROM alerts WHERE incident_id = $N::uuid) AND ts <= (SELECT max(last_seen) FROM alerts WHERE incident_id = $N::uuid)`,
        incidentId,
      );
    }
    if (query.cursor !== undefined) {
      const { ts, id } = decodeCursor(query.cursor);
      params.push(ts, id);
      conditions.push(`(ts, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const scoped = scopeCondition(scope, 'agency_id', params.length + 1);
    params.push(...scoped.params, query.limit + 1);
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT id, ts, ingested_at, source_id, agency_id, system_id, security_level, dataset, action, outcome, source_ip, user_name, host_name, doc
       FROM security_events WHERE ${[...conditions, scoped.sql].join(' AND ')}
       ORDER BY ts DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, query.limit).map(toView);
    const last = rows.length > query.limit ? rows[query.limit - 1]! : undefined;
    return { items, nextCursor: last ? encodeCursor(last.ts.toISOString(), last.id) : null };
  }
}

function toView(row: EventRow): EventView {
  return {
    id: row.id,
    timestamp: row.ts.toISOString(),
    ingestedAt: row.ingested_at.toISOString(),
    sourceId: row.source_id,
    agencyId: row.agency_id,
    systemId: row.system_id,
    securityLevel: row.security_level,
    dataset: row.dataset,
    action: row.action,
    outcome: row.outcome,
    sourceIp: row.source_ip,
    userName: row.user_name,
    hostName: row.host_name,
    event: row.doc,
  };
}

const encodeCursor = (ts: string, id: string) => Buffer.from(`${ts}|${id}`, 'utf8').toString('base64url');

function decodeCursor(text: string): { ts: string; id: string } {
  const [ts, id] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (!ts || !id || Number.isNaN(Date.parse(ts)) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new SocError(ErrorCode.ValidationFailed, 'cursor is not one this API returned');
  }
  return { ts, id };
}
