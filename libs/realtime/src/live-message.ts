/** Types of messages on the live feed. Later issues add incident and SLA types. */
export type LiveMessageType = 'alert.created' | 'alert.updated' | 'source.silent' | 'source.resumed';

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
  payload: unknown;
}

/** A committed outbox message with its owner, before delivery filters it per client. */
export interface StoredLiveMessage {
  message: LiveMessage;
  agencyId: string | null;
}

/** Close codes we send, in the 4000-4999 range reserved for applications. */
export const WsCloseCode = {
  /** The client read too slowly and its send buffer passed the limit; reconnect and resume. */
  SlowConsumer: 4001,
  /** The client missed heartbeats. */
  HeartbeatTimeout: 4002,
  /** The access token expired or its session was revoked; reconnect with a fresh token. */
  SessionEnded: 4003,
} as const;
