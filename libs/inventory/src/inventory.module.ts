import { Global, Module } from '@nestjs/common';
import { AssetDirectory } from './asset-directory';
import { AssetsRepository } from './assets.repository';
import { InventoryService } from './inventory.service';
import { SystemsRepository } from './systems.repository';

/** Information systems and their assets: the registry, and the index ingest enriches events with. */
@Global()
@Module({
  providers: [SystemsRepository, AssetsRepository, AssetDirectory, InventoryService],
  exports: [SystemsRepository, AssetsRepository, AssetDirectory, InventoryService],
})
export class InventoryModule {}
