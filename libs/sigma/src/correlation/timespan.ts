import { CorrelationReason, reason } from './correlation-reason';

const UNIT_MS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `number + lowercase unit` (s, m, h, d), as the specification requires; e.g. `90m`. */
export function parseTimespan(text: unknown): { ok: true; ms: number } | { ok: false; reason: CorrelationReason } {
  if (typeof text !== 'string') return { ok: false, reason: reason('invalid-timespan', 'timespan must be a string like 5m') };
  const match = /^(\d+)([smhd])$/.exec(text.trim());
  if (!match) return { ok: false, reason: reason('invalid-timespan', `timespan '${text}' is not <number><s|m|h|d>`) };
  const ms = Number(match[1]) * UNIT_MS[match[2]!]!;
  if (ms <= 0 || !Number.isSafeInteger(ms)) return { ok: false, reason: reason('invalid-timespan', `timespan '${text}' must be positive`) };
  return { ok: true, ms };
}
