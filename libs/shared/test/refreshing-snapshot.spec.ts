import { RefreshingSnapshot } from '@soc/shared';

describe('RefreshingSnapshot', () => {
  let nowMs = 0;
  const clock = { now: () => new Date(nowMs) };

  it('loads once for concurrent callers, keeps the value for its time to live, then reloads with the previous value at hand', async () => {
    const seen: Array<number | undefined> = [];
    let loads = 0;
    const snapshot = new RefreshingSnapshot((previous: number | undefined) => {
      seen.push(previous);
      return Promise.resolve(++loads);
    }, clock, 1000);
    expect(await Promise.all([snapshot.get(), snapshot.get()])).toEqual([1, 1]);
    nowMs += 999;
    expect(await snapshot.get()).toBe(1);
    nowMs += 1;
    expect(await snapshot.get()).toBe(2);
    expect(seen).toEqual([undefined, 1]);
  });

  it('does not keep a load that began before an invalidation', async () => {
    let release!: (value: string) => void;
    const values = ['stale', 'fresh'];
    const snapshot = new RefreshingSnapshot(() => (values[0] === 'stale' ? new Promise<string>((resolve) => (release = resolve)) : Promise.resolve(values[0]!)), clock);
    const early = snapshot.get();
    snapshot.invalidate();
    values.shift();
    release('stale');
    expect(await early).toBe('stale'); // the caller that asked before the change gets what it asked for
    expect(await snapshot.get()).toBe('fresh');
  });
});
