import { Global, Module } from '@nestjs/common';
import { AgenciesRepository } from './agencies.repository';

@Global()
@Module({ providers: [AgenciesRepository], exports: [AgenciesRepository] })
export class AgenciesModule {}
