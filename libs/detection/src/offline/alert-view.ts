import type { AlertEntities, AlertFinding } from '../alert-finding';

/**
 * An alert as `GET /api/v1/alerts` shows it, built from a finding instead of a stored row. The API's
 * view also has `id`, `status`, `createdAt` and `updatedAt`, which only the alert store assigns; a
 * replay stores nothing, so they are absent here and everything else has the same name and shape.
 */
export interface ReplayAlertView {
  ruleId: string;
  title: string;
  severity: AlertFinding['severity'];
  fingerprint: string;
  sourceIp?: string;
  agencyId: string | null;
  securityLevel: number | null;
  firstSeen: string;
  lastSeen: string;
  eventCount: number;
  eventIds: string[];
  tags: string[];
  entities: AlertEntities;
  explanation: string;
  kind?: AlertFinding['kind'];
  author?: string;
  references?: readonly string[];
  matches?: AlertFinding['matches'];
  groupBy?: AlertFinding['groupBy'];
  indicator?: AlertFinding['indicator'];
}

export function replayAlertView(finding: AlertFinding): ReplayAlertView {
  const { entities } = finding;
  return {
    ruleId: finding.ruleId,
    title: finding.title,
    severity: finding.severity,
    fingerprint: finding.fingerprint,
    ...(entities.sourceIp ? { sourceIp: entities.sourceIp } : {}),
    agencyId: entities.agencyId,
    securityLevel: entities.securityLevel ?? null,
    firstSeen: finding.firstSeen,
    lastSeen: finding.lastSeen,
    eventCount: finding.eventCount,
    eventIds: finding.eventIds,
    tags: finding.tags,
    entities,
    explanation: finding.explanation,
    ...(finding.kind ? { kind: finding.kind } : {}),
    ...(finding.author ? { author: finding.author } : {}),
    ...(finding.references ? { references: finding.references } : {}),
    ...(finding.matches ? { matches: finding.matches } : {}),
    ...(finding.groupBy ? { groupBy: finding.groupBy } : {}),
    ...(finding.indicator ? { indicator: finding.indicator } : {}),
  };
}
