import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@soc/shared';
import { AssetIndex } from './asset-index';
import { AssetsRepository } from './assets.repository';

const TTL_MS = 30_000;

/**
 * The asset inventory as an in-memory index for enrichment: rebuilt at most every 30 s (inventory
 * edits on another node show within that time), and at once after an edit on this node.
 */
@Injectable()
export class AssetDirectory {
  private current?: { index: AssetIndex; until: number };
  private loading?: Promise<AssetIndex>;
  /** Bumped by every edit, so a load that started before it is not kept as current. */
  private generation = 0;

  constructor(
    private readonly assets: AssetsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async index(): Promise<AssetIndex> {
    if (this.current && this.current.until > this.clock.now().getTime()) return this.current.index;
    // Concurrent partitions share one reload.
    if (!this.loading) {
      const generation = this.generation;
      const loading = this.assets.entries().then((entries) => {
        const index = new AssetIndex(entries);
        if (generation === this.generation) this.current = { index, until: this.clock.now().getTime() + TTL_MS };
        return index;
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
