import { DynamicModule, Global, Inject, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SOC_LOGGER, type SocLogger } from '@soc/shared';
import { DatabaseProbe } from './database-probe';
import { EventPartitionsRepository } from './event-partitions.repository';
import { DatabaseSettings, dataSourceOptions } from './data-source-options';
import { migrateWithLock } from './migrate';
import { TransactionRunner } from './transaction';

/** Brings the schema up to date before any module starts reading or writing (onModuleInit precedes bootstrap). */
@Injectable()
class SchemaMigrator implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SOC_LOGGER) private readonly logger: SocLogger,
  ) {}

  async onModuleInit(): Promise<void> {
    const applied = await migrateWithLock(this.dataSource);
    if (applied.length > 0) this.logger.info({ applied }, 'database migrations applied');
  }
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(settings: DatabaseSettings): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(settings), retryAttempts: 3, retryDelay: 1000 })],
      providers: [SchemaMigrator, TransactionRunner, DatabaseProbe, EventPartitionsRepository],
      exports: [TransactionRunner, DatabaseProbe, EventPartitionsRepository],
    };
  }
}
