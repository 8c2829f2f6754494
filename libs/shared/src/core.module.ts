import { DynamicModule, Global, Module } from '@nestjs/common';
import { CLOCK, type Clock } from './clock/clock';
import { SOC_CONFIG, type SocConfig } from './config/soc-config';
import { SOC_LOGGER, type SocLogger } from './logging/logger';

/** Process-wide singletons every module may inject: the config, the logger and the clock. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: SocConfig, logger: SocLogger, clock: Clock): DynamicModule {
    const providers = [
      { provide: SOC_CONFIG, useValue: config },
      { provide: SOC_LOGGER, useValue: logger },
      { provide: CLOCK, useValue: clock },
    ];
    return { module: CoreModule, providers, exports: providers.map((p) => p.provide) };
  }
}
