import type { Clock } from '../clock/clock';

/**
 * A value built from the database and kept in memory, rebuilt at most every `ttlMs` (a change made on
 * another node shows within that time). Concurrent callers share one load. `invalidate()`, after a change
 * on this node, makes the next call rebuild, and a load begun before it is not kept as current.
 * `load` receives the current value, so it may hand it back when a cheap check says nothing changed.
 */
export class RefreshingSnapshot<T> {
  private current?: { value: T; until: number };
  private loading?: Promise<T>;
  private generation = 0;

  constructor(
    private readonly load: (previous: T | undefined) => Promise<T>,
    private readonly clock: Clock,
    private readonly ttlMs = 30_000,
  ) {}

  get(): Promise<T> {
    if (this.current && this.current.until > this.clock.now().getTime()) return Promise.resolve(this.current.value);
    if (!this.loading) {
      const generation = this.generation;
      const loading = this.load(this.current?.value).then((value) => {
        if (generation === this.generation) this.current = { value, until: this.clock.now().getTime() + this.ttlMs };
        return value;
      });
      this.loading = loading;
      const settled = () => {
        if (this.loading === loading) this.loading = undefined;
      };
      void loading.then(settled, settled);
    }
    return this.loading;
  }

  invalidate(): void {
    this.generation++;
    this.current = undefined;
    this.loading = undefined;
  }
}
