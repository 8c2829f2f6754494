/**
 * Fixed-window counter per key (client address, API key). Per node: enough to blunt password
 * guessing and runaway senders; a shared limiter can replace it behind the same method.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one request; returns 0 when allowed, else the milliseconds until the window resets. */
  take(key: string, nowMs: number): number {
    let window = this.windows.get(key);
    if (!window || nowMs - window.start >= this.windowMs) {
      if (this.windows.size > 100_000) this.evictExpired(nowMs);
      window = { start: nowMs, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    return window.count > this.limit ? window.start + this.windowMs - nowMs : 0;
  }

  private evictExpired(nowMs: number): void {
    for (const [key, window] of this.windows) if (nowMs - window.start >= this.windowMs) this.windows.delete(key);
  }
}
