import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SOC_LOGGER, type SocLogger } from '@soc/shared';
import { LiveFeedGateway } from './live-feed.gateway';
import { OutboxRepository } from './outbox.repository';

const PAGE = 500;
/** Safety net: NOTIFY is not delivered while the listener reconnects, so poll too. */
const POLL_MS = 1000;

/**
 * Moves committed outbox messages to this node's WebSocket clients, in seq order, once each.
 * Every API node runs one, so every node delivers every message.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private delivered = 0;
  private pumping = false;
  private pumpAgain = false;
  private stopListening?: () => Promise<void>;
  private poll?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly gateway: LiveFeedGateway,
    @Inject(SOC_LOGGER) private readonly logger: SocLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.delivered = await this.outbox.lastSeq();
    this.gateway.startFrom(this.delivered);
    await this.ensureListening();
    this.poll = setInterval(() => {
      void this.ensureListening();
      this.pump();
    }, POLL_MS);
    this.poll.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    await this.stopListening?.().catch(() => undefined);
  }

  private async ensureListening(): Promise<void> {
    if (this.stopListening || this.stopped) return;
    try {
      this.stopListening = await this.outbox.listen(
        () => this.pump(),
        (error) => {
          this.logger.warn({ err: error }, 'outbox listener lost; polling until it reconnects');
          const stop = this.stopListening;
          this.stopListening = undefined;
          void stop?.().catch(() => undefined);
        },
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'could not LISTEN for outbox messages; polling');
    }
  }

  private pump(): void {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    void this.drain()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'outbox relay failed; will retry'))
      .finally(() => {
        this.pumping = false;
        if (this.pumpAgain && !this.stopped) {
          this.pumpAgain = false;
          this.pump();
        }
      });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const messages = await this.outbox.readAfter(this.delivered, PAGE);
      for (const stored of messages) {
        this.gateway.broadcast(stored);
        this.delivered = stored.message.seq;
      }
      if (messages.length < PAGE) return;
    }
  }
}
