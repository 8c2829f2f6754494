import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { type AgencyScope, ErrorCode, PRIORITIES, type Priority, scopeCondition, SocError } from '@soc/shared';
import { containsPattern, SqlConditions } from '@soc/storage';
import { INCIDENT_STATES, type IncidentState } from './pure';

export const INCIDENT_SORTS = ['newest', 'priority', 'last_seen'] as const;
export type IncidentSort = (typeof INCIDENT_SORTS)[number];

const list = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean) : value);

export class ListIncidentsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit = 50;
  @ApiPropertyOptional({ description: 'nextCursor from the previous page (same sort)' }) @IsOptional() @IsString() @MaxLength(300) cursor?: string;
  @ApiPropertyOptional({ enum: INCIDENT_SORTS, default: 'newest', description: 'newest: opened last first; priority: P1 first, then newest; last_seen: latest activity first' })
  @IsOptional()
  @IsIn(INCIDENT_SORTS)
  sort: IncidentSort = 'newest';
  @ApiPropertyOptional({ description: 'Comma-separated states', example: 'new,acknowledged' }) @IsOptional() @Transform(list) @IsIn(INCIDENT_STATES, { each: true }) state?: IncidentState[];
  @ApiPropertyOptional({ description: 'Comma-separated priorities', example: 'P1,P2' }) @IsOptional() @Transform(list) @IsIn(PRIORITIES, { each: true }) priority?: Priority[];
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z0-9][a-z0-9._-]{0,63}$/) agencyId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z0-9][a-z0-9._-]{0,63}$/) systemId?: string;
  @ApiPropertyOptional({ description: 'User id, or `none` for unassigned' }) @IsOptional() @IsString() @MaxLength(40) assignee?: string;
  @ApiPropertyOptional({ description: 'Opened at or after (ISO 8601)' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ description: 'Opened before (ISO 8601)' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ description: 'Text in the title or reference, or an observable value (IP, user, host…)' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ description: 'Only serious incidents (true) or only others (false)' }) @IsOptional() @IsIn(['true', 'false']) serious?: 'true' | 'false';
}

export type IncidentListFilter = Omit<ListIncidentsQuery, 'cursor'> & { after?: IncidentCursor };

/** Where the previous page ended, in the sort's own terms. */
export interface IncidentCursor {
  priority: Priority;
  at: string;
  id: string;
}

export function encodeIncidentCursor(cursor: IncidentCursor): string {
  return Buffer.from(JSON.stringify([cursor.priority, cursor.at, cursor.id]), 'utf8').toString('base64url');
}

export function decodeIncidentCursor(text: string): IncidentCursor {
  try {
    const [priority, at, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if ((PRIORITIES as readonly unknown[]).includes(priority) && typeof at === 'string' && !Number.isNaN(Date.parse(at)) && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) {
      return { priority: priority as Priority, at, id };
    }
  } catch {
    // falls through to the error below
  }
  throw new SocError(ErrorCode.ValidationFailed, 'cursor is not one this API returned');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The column a sort orders by (descending), after priority for the priority sort. */
export function sortTime(sort: IncidentSort): 'created_at' | 'last_seen' {
  return sort === 'last_seen' ? 'last_seen' : 'created_at';
}

/** The SQL of one page: every filter as a parameter, keyset pagination in the sort's order. */
export function listQuery(scope: AgencyScope, filter: IncidentListFilter): { sql: string; params: unknown[] } {
  const where = new SqlConditions().add('merged_into IS NULL');
  const scoped = scopeCondition(scope, 'agency_id', 1);
  where.add(scoped.sql, ...scoped.params);
  if (filter.state?.length) where.add('state = ANY($1::text[])', filter.state);
  if (filter.priority?.length) where.add('priority = ANY($1::text[])', filter.priority);
  if (filter.agencyId) where.add('agency_id = $1', filter.agencyId);
  if (filter.systemId) where.add('system_ids @> ARRAY[$1::text]', filter.systemId);
  if (filter.assignee === 'none') where.add('assignee_id IS NULL');
  else if (filter.assignee) {
    if (!UUID.test(filter.assignee)) throw new SocError(ErrorCode.ValidationFailed, 'assignee must be a user id or "none"');
    where.add('assignee_id = $1::uuid', filter.assignee);
  }
  if (filter.from) where.add('created_at >= $1::timestamptz', filter.from);
  if (filter.to) where.add('created_at < $1::timestamptz', filter.to);
  if (filter.serious) where.add('serious = $1', filter.serious === 'true');
  if (filter.q) {
    where.add(
      `(title ILIKE $1 OR ('SC-' || lpad(number::text, 6, '0')) ILIKE $1
        OR EXISTS (SELECT 1 FROM incident_observables o WHERE o.incident_id = incidents.id AND lower(o.value) = $2))`,
      containsPattern(filter.q),
      filter.q.trim().toLowerCase(),
    );
  }
  const time = sortTime(filter.sort);
  const after = filter.after;
  if (after) {
    const afterTime = `(${time}, id) < ($1::timestamptz, $2::uuid)`;
    if (filter.sort === 'priority') where.add(`(priority > $3 OR (priority = $3 AND ${afterTime}))`, after.at, after.id, after.priority);
    else where.add(afterTime, after.at, after.id);
  }
  const order = filter.sort === 'priority' ? `priority ASC, ${time} DESC, id DESC` : `${time} DESC, id DESC`;
  const sql = `SELECT * FROM incidents WHERE ${where.sql} ORDER BY ${order} LIMIT ${where.placeholder(filter.limit + 1)}`;
  return { sql, params: where.params };
}
