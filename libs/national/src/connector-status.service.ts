import { Inject, Injectable } from '@nestjs/common';
import { SOC_CONFIG, type SocConfig } from '@soc/shared';
import { ConnectorStatusView } from './connector-status.view';
import { NationalConnectorRepository } from './national-connector.repository';
import { nextAttemptAt } from './retry-schedule';

/** The connector's status as any api node sees it: from the shared cursor row, not from the delivering node's memory. */
@Injectable()
export class ConnectorStatusService {
  constructor(
    private readonly repository: NationalConnectorRepository,
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
  ) {}

  async status(): Promise<ConnectorStatusView> {
    const { channel, types, retry } = this.config.national;
    const state = channel === 'none' ? null : await this.repository.state(channel);
    return {
      channel,
      enabled: channel !== 'none',
      lastDeliveredSeq: state?.lastDeliveredSeq ?? null,
      backlog: state ? await this.repository.backlog(state.lastDeliveredSeq, types) : 0,
      lastSuccessAt: state?.lastSuccessAt?.toISOString() ?? null,
      lastAttemptAt: state?.lastAttemptAt?.toISOString() ?? null,
      lastError: state?.lastError ?? null,
      consecutiveFailures: state?.consecutiveFailures ?? 0,
      nextAttemptAt: state ? (nextAttemptAt(state.lastAttemptAt, state.consecutiveFailures, retry)?.toISOString() ?? null) : null,
    };
  }
}
