import type { NationalMessageType } from '@soc/shared';
import type { NationalAlert, NationalIncident, NationalMessage } from './national-message';

/** An outbox message as stored: its payload is the alert or incident the live feed shows. */
export interface OutboxMessage {
  seq: number;
  type: NationalMessageType;
  ts: string;
  data: unknown;
}

type Json = Record<string, unknown>;

/**
 * Maps an outbox message to the national summary, copying named fields only (an allow-list), so
 * anything the alert view gains later — raw lines, matched values — is never shared by accident.
 * `observableCounts` holds the incidents' current observable counts (the outbox payload has none).
 */
export function toNationalMessage(message: OutboxMessage, observableCounts: ReadonlyMap<string, number>): NationalMessage {
  const data = asObject(message.data);
  const base = { seq: message.seq, ts: message.ts };
  switch (message.type) {
    case 'alert.created':
    case 'alert.updated':
      return { ...base, type: message.type, alert: alertSummary(data) };
    case 'incident.created':
    case 'incident.updated':
      return { ...base, type: message.type, incident: incidentSummary(data, observableCounts) };
    case 'sla.breached':
      return {
        ...base,
        type: message.type,
        incident: incidentSummary(asObject(data.incident), observableCounts),
        sla: { kind: text(data.sla) ?? 'unknown', dueAt: text(data.dueAt) },
      };
  }
}

/** Incident ids a batch names (to count their observables in one query). */
export function incidentIdsOf(messages: readonly OutboxMessage[]): string[] {
  const ids = messages.map((m) => {
    const data = asObject(m.data);
    return m.type === 'sla.breached' ? text(asObject(data.incident).id) : m.type.startsWith('incident.') ? text(data.id) : null;
  });
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

function alertSummary(alert: Json): NationalAlert {
  const entities = asObject(alert.entities);
  return {
    id: text(alert.id) ?? '',
    rule: text(alert.ruleId) ?? '',
    title: text(alert.title) ?? '',
    severity: text(alert.severity) ?? 'unknown',
    priority: text(alert.priority),
    agencyId: text(alert.agencyId),
    systemIds: texts(entities.systemIds),
    securityLevel: integer(alert.securityLevel) ?? integer(entities.securityLevel),
    sourceIp: text(alert.sourceIp) ?? text(entities.sourceIp),
    firstSeen: text(alert.firstSeen) ?? '',
    lastSeen: text(alert.lastSeen) ?? '',
    eventCount: integer(alert.eventCount) ?? 0,
  };
}

function incidentSummary(incident: Json, observableCounts: ReadonlyMap<string, number>): NationalIncident {
  const id = text(incident.id) ?? '';
  return {
    id,
    ref: text(incident.ref) ?? '',
    title: text(incident.title) ?? '',
    state: text(incident.state) ?? 'unknown',
    severity: text(incident.severity) ?? 'unknown',
    priority: text(incident.priority) ?? 'unknown',
    serious: incident.serious === true,
    agencyId: text(incident.agencyId),
    systemIds: texts(incident.systemIds),
    securityLevel: integer(incident.securityLevel),
    alertCount: integer(incident.alertCount) ?? 0,
    observableCount: observableCounts.get(id) ?? 0,
  };
}

function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function integer(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}
