import { Global, Module } from '@nestjs/common';
import { API_KEY_VERIFIER } from '@soc/auth';
import { SourceDirectory } from './source-directory';
import { SourceKeyVerifier } from './source-key.verifier';
import { SourcesRepository } from './sources.repository';
import { SourcesService } from './sources.service';

/** The log-source registry: keys for the access guard, agencies for ingest enrichment. */
@Global()
@Module({
  providers: [SourcesRepository, SourcesService, SourceDirectory, { provide: API_KEY_VERIFIER, useClass: SourceKeyVerifier }],
  exports: [SourcesRepository, SourcesService, SourceDirectory, API_KEY_VERIFIER],
})
export class SourcesModule {}
