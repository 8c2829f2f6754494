import type { NationalMessageType } from '@soc/shared';

/**
 * What the national center receives about an alert: a compact summary. Never raw event content
 * (`event.original`, matched values, user names, explanations): only what identifies and ranks it.
 */
export interface NationalAlert {
  id: string;
  rule: string;
  title: string;
  severity: string;
  priority: string | null;
  agencyId: string | null;
  systemIds: string[];
  securityLevel: number | null;
  sourceIp: string | null;
  firstSeen: string;
  lastSeen: string;
  eventCount: number;
}

/** What the national center receives about an incident. */
export interface NationalIncident {
  id: string;
  ref: string;
  title: string;
  state: string;
  severity: string;
  priority: string;
  serious: boolean;
  agencyId: string | null;
  systemIds: string[];
  securityLevel: number | null;
  alertCount: number;
  /** Observables (IPs, domains, users …) recorded on the incident when the batch was sent; values are not shared. */
  observableCount: number;
}

interface MessageBase {
  /** The outbox sequence number: strictly increasing, the receiver's de-duplication key. */
  seq: number;
  /** When the message was committed (ISO 8601). */
  ts: string;
}

export type NationalMessage =
  | (MessageBase & { type: 'alert.created' | 'alert.updated'; alert: NationalAlert })
  | (MessageBase & { type: 'incident.created' | 'incident.updated'; incident: NationalIncident })
  | (MessageBase & { type: 'sla.breached'; incident: NationalIncident; sla: { kind: string; dueAt: string | null } });

/** A batch as sent: who sends it and its messages in seq order. */
export interface NationalBatch {
  sender: string;
  messages: readonly NationalMessage[];
}

export type { NationalMessageType };
