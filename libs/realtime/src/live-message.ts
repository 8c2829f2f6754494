import type { Priority } from '@soc/shared';

/** Every type of outbox message on the live feed, in the order the README lists them. */
export const LIVE_MESSAGE_TYPES = [
  'alert.created',
  'alert.updated',
  'incident.created',
  'incident.updated',
  'sla.breached',
  'source.silent',
  'source.resumed',
  'posture.deadline',
  'report.ready',
] as const;

export type LiveMessageType = (typeof LIVE_MESSAGE_TYPES)[number];

export function isLiveMessageType(value: unknown): value is LiveMessageType {
  return typeof value === 'string' && (LIVE_MESSAGE_TYPES as readonly string[]).includes(value);
}

/** What a WebSocket client receives: `seq` increases strictly across the deployment (outbox order). */
export interface LiveMessage {
  type: LiveMessageType;
  seq: number;
  ts: string;
  data: unknown;
}

export interface OutboxEntry {
  type: LiveMessageType;
  /** Owner of the message's subject: only clients whose scope includes it receive it (null: province-wide only). */
  agencyId: string | null;
  /**
   * How urgent the subject is, for clients subscribing with `minPriority`. Absent or null: the message
   * has no priority (e.g. `source.silent`) and passes every `minPriority` filter.
   */
  priority?: Priority | null;
  payload: unknown;
}

/** A committed outbox message with what delivery filters it by (owner, priority), before it is sent per client. */
export interface StoredLiveMessage {
  message: LiveMessage;
  agencyId: string | null;
  priority: Priority | null;
}

/** Close codes we send, in the 4000-4999 range reserved for applications. */
export const WsCloseCode = {
  /** The client read too slowly and its send buffer passed the limit; reconnect and resume with `since`. */
  SlowConsumer: 4001,
  /** The client missed heartbeats. */
  HeartbeatTimeout: 4002,
  /** The access token expired or its session was revoked; reconnect with a fresh token. */
  SessionEnded: 4003,
  /** The client kept sending messages the protocol does not allow (each one was answered with an error first). */
  TooManyInvalidMessages: 4004,
  /** Replay from the outbox failed (database unreachable); reconnect and resume with `since`. */
  ReplayFailed: 4005,
} as const;
