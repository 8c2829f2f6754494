import type { OutboxEntry } from '@soc/realtime';
import type { IncidentChange } from './incident.view';

/** Live messages for incident changes: owned by the incident's agency, filterable by its priority. */
export function incidentMessages(changes: readonly IncidentChange[]): OutboxEntry[] {
  return changes.map(({ change, incident }) => ({ type: `incident.${change}` as const, agencyId: incident.agencyId, priority: incident.priority, payload: incident }));
}
