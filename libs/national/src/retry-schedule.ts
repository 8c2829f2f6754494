/** Exponential backoff settings (from `SocConfig.national.retry`). */
export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
}

/**
 * How long to wait after `failures` consecutive failures: base, 2×base, 4×base … capped at max.
 * No jitter: one node delivers at a time, so there is no herd to spread.
 */
export function retryDelayMs(failures: number, policy: RetryPolicy): number {
  if (failures <= 0) return 0;
  // 2^30 × base already exceeds any cap we accept; stop doubling before the number loses meaning.
  const factor = 2 ** Math.min(failures - 1, 30);
  return Math.min(policy.maxMs, policy.baseMs * factor);
}

/** When the next attempt may start: right away after a success, else the last attempt plus the delay. */
export function nextAttemptAt(lastAttemptAt: Date | null, failures: number, policy: RetryPolicy): Date | null {
  if (failures <= 0 || !lastAttemptAt) return null;
  return new Date(lastAttemptAt.getTime() + retryDelayMs(failures, policy));
}
