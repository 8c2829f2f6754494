import { Global, Module } from '@nestjs/common';
import { AssetDirectory } from './asset-directory';
import { AssetsRepository } from './assets.repository';
import { SystemsCsvService } from './csv/systems-csv.service';
import { DossierService } from './dossier/dossier.service';
import { InventoryService } from './inventory.service';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';
import { SystemsRepository } from './systems.repository';

const PROVIDERS = [SystemsRepository, AssetsRepository, ReviewsRepository, AssetDirectory, InventoryService, DossierService, ReviewsService, SystemsCsvService];

/** Information systems and their assets: the registry, and the index ingest enriches events with. */
@Global()
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class InventoryModule {}
