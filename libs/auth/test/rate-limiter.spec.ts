import { RateLimiter } from '@soc/auth';

describe('RateLimiter', () => {
  it('allows `limit` requests in a window and refuses the next with the ms until reset', () => {
    const limiter = new RateLimiter(3, 1000);
    expect(limiter.take('ip-1', 10_000)).toBe(0);
    expect(limiter.take('ip-1', 10_100)).toBe(0);
    expect(limiter.take('ip-1', 10_200)).toBe(0);
    expect(limiter.take('ip-1', 10_300)).toBe(700);
    expect(limiter.take('ip-1', 10_999)).toBe(1);
  });

  it('keeps keys independent', () => {
    const limiter = new RateLimiter(1, 1000);
    expect(limiter.take('a', 0)).toBe(0);
    expect(limiter.take('a', 1)).toBe(999);
    expect(limiter.take('b', 2)).toBe(0);
    expect(limiter.take('b', 3)).toBe(999);
    expect(limiter.take('a', 4)).toBe(996);
  });

  it('starts a fresh window windowMs after the first request of the last one', () => {
    const limiter = new RateLimiter(2, 1000);
    expect(limiter.take('k', 5000)).toBe(0);
    expect(limiter.take('k', 5001)).toBe(0);
    expect(limiter.take('k', 5999)).toBe(1);
    expect(limiter.take('k', 6000)).toBe(0);
    expect(limiter.take('k', 6500)).toBe(0);
    expect(limiter.take('k', 6600)).toBe(400);
  });

  it('refuses every request with a limit of 0', () => {
    const limiter = new RateLimiter(0, 60_000);
    expect(limiter.take('k', 0)).toBe(60_000);
  });
});
