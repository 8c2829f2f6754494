import { agenciesScope, ALL_AGENCIES, type AgencyScope } from '@soc/shared';
import { Permission, PROVINCE_WIDE_ROLES, permissionsOf, Role } from './permissions';

export function agencyScopeOf(roles: readonly Role[], agencyIds: readonly string[]): AgencyScope {
  return roles.some((role) => PROVINCE_WIDE_ROLES.includes(role)) ? ALL_AGENCIES : agenciesScope(agencyIds);
}

export interface UserPrincipal {
  kind: 'user';
  userId: string;
  username: string;
  sessionId: string;
  roles: Role[];
  permissions: Set<Permission>;
  scope: AgencyScope;
}

export interface SourcePrincipal {
  kind: 'source';
  sourceId: string;
  agencyId: string | null;
  permissions: Set<Permission>;
  scope: AgencyScope;
}

/** Prometheus scraping with the static `SOC_METRICS_TOKEN`. */
export interface ScraperPrincipal {
  kind: 'scraper';
  permissions: Set<Permission>;
  scope: AgencyScope;
}

export type Principal = UserPrincipal | SourcePrincipal | ScraperPrincipal;

export function userPrincipal(fields: Omit<UserPrincipal, 'kind' | 'permissions' | 'scope'> & { agencyIds: string[] }): UserPrincipal {
  const { agencyIds, ...rest } = fields;
  return { kind: 'user', ...rest, permissions: permissionsOf(fields.roles), scope: agencyScopeOf(fields.roles, agencyIds) };
}

/** How the principal appears in the audit log. */
export function actorOf(principal: Principal | undefined): string {
  if (!principal) return 'anonymous';
  switch (principal.kind) {
    case 'user':
      return `user:${principal.username}`;
    case 'source':
      return `source:${principal.sourceId}`;
    case 'scraper':
      return 'scraper';
  }
}
