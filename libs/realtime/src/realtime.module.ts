import { Module } from '@nestjs/common';
import { LiveFeedAckRepository } from './live-feed-ack.repository';
import { LiveFeedGateway } from './live-feed.gateway';
import { OutboxRelay } from './outbox-relay.service';
import { OutboxRepository } from './outbox.repository';

/** The outbox writer, for any node that produces live messages. */
@Module({ providers: [OutboxRepository], exports: [OutboxRepository] })
export class OutboxModule {}

/** The `/ws` live feed and its relay, for nodes with the `api` role. */
@Module({ imports: [OutboxModule], providers: [LiveFeedGateway, LiveFeedAckRepository, OutboxRelay], exports: [LiveFeedGateway] })
export class LiveFeedModule {}
