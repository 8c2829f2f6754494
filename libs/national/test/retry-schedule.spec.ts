import { nextAttemptAt, retryDelayMs } from '../src/retry-schedule';

describe('retry schedule', () => {
  const policy = { baseMs: 1_000, maxMs: 60_000 };

  it('doubles from the base after each consecutive failure, up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelayMs(n, policy))).toEqual([0, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
  });

  it('stays at the cap however long the outage', () => {
    expect(retryDelayMs(10_000, policy)).toBe(60_000);
  });

  it('schedules the next attempt from the last one, and none after a success', () => {
    const last = new Date('2026-11-30T10:00:00Z');
    expect(nextAttemptAt(last, 3, policy)?.toISOString()).toBe('2026-11-30T10:00:04.000Z');
    expect(nextAttemptAt(last, 0, policy)).toBeNull();
    expect(nextAttemptAt(null, 2, policy)).toBeNull();
  });
});
