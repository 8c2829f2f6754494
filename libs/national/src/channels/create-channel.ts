import type { Clock, NationalConfig, SocLogger } from '@soc/shared';
import { KafkaChannel } from './kafka.channel';
import type { NationalChannel } from './national-channel';
import { SyslogChannel } from './syslog.channel';
import { WebhookChannel } from './webhook.channel';

/** The channel `SOC_NATIONAL_CONNECTOR` names (config validation guarantees its settings); none for `none`. */
export function createNationalChannel(config: NationalConfig, clock: Clock, logger: SocLogger): NationalChannel | undefined {
  const common = { timeoutMs: config.timeoutMs, senderId: config.senderId };
  switch (config.channel) {
    case 'none':
      return undefined;
    case 'webhook':
      return new WebhookChannel({ ...common, ...required(config.webhook, 'webhook') }, clock);
    case 'kafka':
      return new KafkaChannel({ ...common, ...required(config.kafka, 'kafka') }, logger);
    case 'syslog':
      return new SyslogChannel({ ...common, ...required(config.syslog, 'syslog') });
  }
}

function required<T>(settings: T | undefined, channel: string): T {
  if (!settings) throw new Error(`national connector: ${channel} settings missing (loadConfig validates them)`);
  return settings;
}
