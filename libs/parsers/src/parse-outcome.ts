import { SecurityEvent } from './security-event';

export type ParseOutcome =
  | { ok: true; event: SecurityEvent }
  | { ok: false; reason: string };

export const parseFailure = (reason: string): ParseOutcome => ({ ok: false, reason });
