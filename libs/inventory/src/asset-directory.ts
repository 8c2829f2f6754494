import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, RefreshingSnapshot } from '@soc/shared';
import { AssetIndex } from './asset-index';
import { AssetsRepository } from './assets.repository';

/**
 * The asset inventory as an in-memory index for enrichment: rebuilt at most every 30 s (inventory
 * edits on another node show within that time), and at once after an edit on this node.
 */
@Injectable()
export class AssetDirectory {
  private readonly snapshot: RefreshingSnapshot<AssetIndex>;

  constructor(assets: AssetsRepository, @Inject(CLOCK) clock: Clock) {
    this.snapshot = new RefreshingSnapshot(async () => new AssetIndex(await assets.entries()), clock);
  }

  index(): Promise<AssetIndex> {
    return this.snapshot.get();
  }

  invalidate(): void {
    this.snapshot.invalidate();
  }
}
