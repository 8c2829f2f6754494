import { Global, Module } from '@nestjs/common';
import { AgenciesRepository } from './agencies.repository';
import { AgenciesService } from './agencies.service';

@Global()
@Module({ providers: [AgenciesRepository, AgenciesService], exports: [AgenciesRepository, AgenciesService] })
export class AgenciesModule {}
