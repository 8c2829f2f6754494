/** Roles a user may hold (several at once). Only `agency_it` is limited to its agencies. */
export const ROLES = ['admin', 'soc_analyst', 'ir_lead', 'ir_member', 'agency_it', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** One permission per kind of action; routes name the permission they need, never a role. */
export enum Permission {
  AlertsRead = 'alerts:read',
  EventsRead = 'events:read',
  AlertsTriage = 'alerts:triage',
  IncidentsRead = 'incidents:read',
  /** The response workflow: transitions, assignment, comments, tasks, merge and split. */
  IncidentsManage = 'incidents:manage',
  AgenciesRead = 'agencies:read',
  AgenciesManage = 'agencies:manage',
  SourcesRead = 'sources:read',
  SourcesManage = 'sources:manage',
  SystemsRead = 'systems:read',
  SystemsManage = 'systems:manage',
  /** Recording a system's requirement statuses: agency IT staff record their own systems' (scope still applies). */
  PostureWrite = 'posture:write',
  /** Threat-intelligence lists are province-wide: not for agency_it. */
  RulesRead = 'rules:read',
  RulesManage = 'rules:manage',
  IntelRead = 'intel:read',
  IntelManage = 'intel:manage',
  UsersRead = 'users:read',
  UsersManage = 'users:manage',
  AuditRead = 'audit:read',
  /** Province-wide periodic reports (all agencies' figures): not for agency_it. */
  ReportsRead = 'reports:read',
  ReportsManage = 'reports:manage',
  MetricsRead = 'metrics:read',
  /** The national-center connector's status: operators and auditors; unlike metrics:read, never the scraper's static token. */
  ConnectorRead = 'connector:read',
  /** Held by log sources (API keys), never by people. */
  IngestWrite = 'ingest:write',
}

const READ_ALL = [Permission.AlertsRead, Permission.IncidentsRead, Permission.EventsRead, Permission.AgenciesRead, Permission.SourcesRead, Permission.SystemsRead, Permission.IntelRead, Permission.RulesRead];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: Object.values(Permission).filter((p) => p !== Permission.IngestWrite),
  soc_analyst: [...READ_ALL, Permission.ReportsRead, Permission.ReportsManage, Permission.AlertsTriage, Permission.IncidentsManage, Permission.MetricsRead, Permission.ConnectorRead, Permission.IntelManage, Permission.RulesManage, Permission.PostureWrite],
  ir_lead: [...READ_ALL, Permission.ReportsRead, Permission.ReportsManage, Permission.AlertsTriage, Permission.IncidentsManage],
  ir_member: [...READ_ALL, Permission.ReportsRead, Permission.AlertsTriage, Permission.IncidentsManage],
  agency_it: [Permission.AlertsRead, Permission.IncidentsRead, Permission.EventsRead, Permission.AgenciesRead, Permission.SourcesRead, Permission.SystemsRead, Permission.PostureWrite],
  auditor: [...READ_ALL, Permission.ReportsRead, Permission.UsersRead, Permission.AuditRead, Permission.MetricsRead, Permission.ConnectorRead],
};

/** Roles whose holders see every agency's data. */
export const PROVINCE_WIDE_ROLES: readonly Role[] = ['admin', 'soc_analyst', 'ir_lead', 'ir_member', 'auditor'];

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
}
