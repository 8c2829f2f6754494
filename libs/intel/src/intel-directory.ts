import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@soc/shared';
import { IntelRepository } from './intel.repository';
import { IntelIndex } from './pure';

const TTL_MS = 30_000;

/**
 * Every list's indicators as one in-memory IntelIndex, for matching events: checked at most every
 * 30 s (a change on another node shows within that time), rebuilt only when some list changed
 * (a cheap fingerprint query tells), and at once after a change on this node.
 */
@Injectable()
export class IntelDirectory {
  private current?: { index: IntelIndex; fingerprint: string; until: number };
  private loading?: Promise<IntelIndex>;
  /** Bumped by every local change, so a load that started before it is not kept as current. */
  private generation = 0;

  constructor(
    private readonly repository: IntelRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async index(): Promise<IntelIndex> {
    if (this.current && this.current.until > this.clock.now().getTime()) return this.current.index;
    // Concurrent callers (ingest partitions) share one check or reload.
    if (!this.loading) {
      const loading = this.refresh(this.generation);
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

  private async refresh(generation: number): Promise<IntelIndex> {
    // The fingerprint is read before the indicators: a change committed in between makes the next
    // check rebuild again, never keeps an index older than its fingerprint.
    const fingerprint = await this.repository.fingerprint();
    const previous = this.current;
    if (previous && previous.fingerprint === fingerprint) {
      if (generation === this.generation) this.current = { ...previous, until: this.clock.now().getTime() + TTL_MS };
      return previous.index;
    }
    const index = new IntelIndex(await this.repository.allIndicators());
    if (generation === this.generation) this.current = { index, fingerprint, until: this.clock.now().getTime() + TTL_MS };
    return index;
  }
}
