import { type Indicator, IntelDirectory, type IntelRepository } from '@soc/intel';

/** A repository double: a fingerprint and indicators the test changes, and how often each was read. */
class FakeRepository {
  fingerprintValue = 'a';
  indicators: Indicator[] = [{ listId: 'l', listName: 'L', type: 'ip', value: '203.0.113.5', severity: 'high', description: null }];
  fingerprints = 0;
  loads = 0;

  fingerprint(): Promise<string> {
    this.fingerprints++;
    return Promise.resolve(this.fingerprintValue);
  }

  allIndicators(): Promise<Indicator[]> {
    this.loads++;
    return Promise.resolve([...this.indicators]);
  }
}

describe('IntelDirectory', () => {
  let repository: FakeRepository;
  let now: number;
  let directory: IntelDirectory;

  beforeEach(() => {
    repository = new FakeRepository();
    now = Date.parse('2026-03-01T00:00:00Z');
    directory = new IntelDirectory(repository as unknown as IntelRepository, { now: () => new Date(now) });
  });

  it('builds once for concurrent callers and serves the cached index for 30 s', async () => {
    const [a, b] = await Promise.all([directory.index(), directory.index()]);
    expect(a).toBe(b);
    expect(a.size).toBe(1);
    now += 29_999;
    expect(await directory.index()).toBe(a);
    expect({ fingerprints: repository.fingerprints, loads: repository.loads }).toEqual({ fingerprints: 1, loads: 1 });
  });

  it('after 30 s checks the fingerprint, and rebuilds only when some list changed', async () => {
    const first = await directory.index();
    now += 30_000;
    expect(await directory.index()).toBe(first);
    expect({ fingerprints: repository.fingerprints, loads: repository.loads }).toEqual({ fingerprints: 2, loads: 1 });
    repository.fingerprintValue = 'b';
    repository.indicators.push({ listId: 'l', listName: 'L', type: 'domain', value: 'evil.example', severity: 'high', description: null });
    now += 30_000;
    const second = await directory.index();
    expect(second).not.toBe(first);
    expect(second.size).toBe(2);
  });

  it('rebuilds at once after a local change', async () => {
    await directory.index();
    repository.indicators = [];
    repository.fingerprintValue = 'b';
    directory.invalidate();
    expect((await directory.index()).size).toBe(0);
    expect(repository.loads).toBe(2);
  });

  it('does not keep as current a load that started before a local change', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const load = repository.allIndicators.bind(repository);
    repository.allIndicators = async () => {
      const snapshot = await load();
      await gate;
      return snapshot;
    };
    const inFlight = directory.index();
    while (repository.loads === 0) await Promise.resolve();
    repository.indicators = [];
    repository.fingerprintValue = 'b';
    directory.invalidate();
    release();
    expect((await inFlight).size).toBe(1);
    expect((await directory.index()).size).toBe(0);
  });
});
