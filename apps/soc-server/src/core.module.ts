import { DynamicModule, Global, Module } from '@nestjs/common';
import { CLOCK, type Clock, SOC_CONFIG, SOC_LOGGER, type SocConfig, type SocLogger } from '@soc/shared';

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
