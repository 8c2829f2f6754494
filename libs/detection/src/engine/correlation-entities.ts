import type { AlertEntities } from '../alert-finding';
import { LISTED_ENTITIES } from './correlation-input';

/** A correlation alert's entities: its group-by values first, then what its events carried (ENTITY_FACETS). */
export function correlationEntities(groupBy: Readonly<Record<string, string>>, facets: Readonly<Record<string, readonly string[]>> | undefined, agencyId: string | null): AlertEntities {
  const sourceIp = groupBy['source.ip'] ?? facets?.['source.ip']?.[0];
  const entities: AlertEntities = sourceIp ? { sourceIp, agencyId } : { agencyId };
  entities.userNames = listed(groupBy['user.name'], facets?.['user.name']);
  entities.hostNames = listed(groupBy['host.name'], facets?.['host.name']);
  entities.systemIds = listed(undefined, facets?.['soc.system_id']);
  const levels = (facets?.['soc.security_level'] ?? []).map(Number).filter((level) => Number.isInteger(level));
  entities.securityLevel = levels.length > 0 ? Math.max(...levels) : null;
  return entities;
}

/** The group-by value (when grouped by the field) and then the events' other values, up to LISTED_ENTITIES. */
function listed(grouped: string | undefined, values: readonly string[] | undefined): string[] {
  const list = grouped ? [grouped] : [];
  for (const value of values ?? []) if (list.length < LISTED_ENTITIES && value !== grouped) list.push(value);
  return list;
}
