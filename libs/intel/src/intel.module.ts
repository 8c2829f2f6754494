import { Global, Module } from '@nestjs/common';
import { IntelDirectory } from './intel-directory';
import { IntelRepository } from './intel.repository';
import { IntelService } from './intel.service';

/** Threat-intelligence lists: the registry, and the index ingest matches events against (`IntelDirectory.index()`). */
@Global()
@Module({
  providers: [IntelRepository, IntelDirectory, IntelService],
  exports: [IntelRepository, IntelDirectory, IntelService],
})
export class IntelModule {}
