import { WebSocket, type RawData } from 'ws';
import type { UserPrincipal } from '@soc/auth';
import type { MetricsService } from '@soc/observability';
import { ErrorCode, SocError, type SocConfig, type SocLogger } from '@soc/shared';
import { ClientFeed, type ReplayStart } from './client-feed';
import { type ClientRequest, parseClientMessage } from './client-message';
import { LiveFeedAckRepository } from './live-feed-ack.repository';
import { type StoredLiveMessage, WsCloseCode } from './live-message';
import { OutboxRepository } from './outbox.repository';

/** How often a paced replay looks whether the socket has written its backlog. */
const DRAIN_POLL_MS = 10;

/** What every connection shares. */
export interface LiveFeedDeps {
  outbox: OutboxRepository;
  acks: LiveFeedAckRepository;
  metrics: MetricsService;
  config: SocConfig['ws'];
  logger: SocLogger;
}

/**
 * One authenticated `/ws` client: answers its `subscribe` and `ack` messages, runs its replays page by
 * page, and sends live messages through its `ClientFeed` (which holds the seam logic).
 */
export class LiveFeedConnection {
  /** Cleared at each heartbeat, set again by the pong. */
  alive = true;
  private readonly feed: ClientFeed;
  private invalidMessages = 0;
  /** Client messages are handled one at a time, in order (a replay itself runs beside them, so a newer subscribe can supersede it). */
  private handling: Promise<void> = Promise.resolve();

  constructor(
    readonly socket: WebSocket,
    readonly principal: UserPrincipal,
    /** Re-checked at every heartbeat, so logout or expiry ends the feed too. */
    readonly accessToken: string,
    liveFrom: number,
    private readonly deps: LiveFeedDeps,
  ) {
    this.feed = new ClientFeed(principal.scope, liveFrom, deps.config.replayQueueLimit);
    socket.on('message', (data: RawData, isBinary: boolean) => {
      this.handling = this.handling
        .then(() => this.onClientMessage(data, isBinary))
        .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'live feed client message not handled'));
    });
  }

  /** A message the relay committed: sent now if this client receives it, queued while a replay runs. */
  deliverLive(stored: StoredLiveMessage, frame: string): void {
    if (this.feed.onLive(stored)) this.send(frame);
  }

  /** Sends a control message (hello, error, …): these carry no seq and are not part of the feed's order. */
  sendControl(type: string, data: Record<string, unknown>): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ type, data }));
  }

  /** A slow reader is closed rather than buffered without bound; it resumes with `since`. */
  private send(frame: string): boolean {
    if (this.socket.readyState !== WebSocket.OPEN) return false;
    if (this.socket.bufferedAmount > this.deps.config.maxBufferedBytes) {
      this.deps.metrics.wsSlowClientsClosed.inc();
      this.socket.close(WsCloseCode.SlowConsumer, `slow consumer: over ${this.deps.config.maxBufferedBytes} bytes unsent; reconnect and subscribe with since`);
      return false;
    }
    this.socket.send(frame);
    this.deps.metrics.wsMessagesSent.inc();
    return true;
  }

  private async onClientMessage(data: RawData, isBinary: boolean): Promise<void> {
    let request: ClientRequest;
    try {
      // binaryType is the default 'nodebuffer': every frame arrives as one Buffer.
      request = parseClientMessage(data as Buffer, isBinary);
    } catch (error) {
      return this.reject(error);
    }
    try {
      if (request.type === 'subscribe') await this.subscribe(request);
      else await this.acknowledge(request.seq);
    } catch (error) {
      this.deps.logger.warn({ err: error, userId: this.principal.userId }, 'live feed request failed');
      this.sendControl('error', { code: ErrorCode.DatabaseUnavailable, message: `${request.type} failed on the server; try again` });
    }
  }

  /** Answers a bad message with an error; a client that keeps sending them is closed. */
  private reject(error: unknown): void {
    if (!(error instanceof SocError)) throw error;
    this.sendControl('error', { code: error.code, message: error.message, ...error.details });
    this.invalidMessages += 1;
    if (this.invalidMessages >= this.deps.config.maxInvalidMessages && this.socket.readyState === WebSocket.OPEN) {
      this.socket.close(WsCloseCode.TooManyInvalidMessages, `closed after ${this.invalidMessages} invalid messages`);
    }
  }

  private async subscribe(request: Extract<ClientRequest, { type: 'subscribe' }>): Promise<void> {
    if (request.since !== undefined) {
      // A since beyond the feed would silently hide every message up to it.
      const lastSeq = await this.deps.outbox.lastSeq();
      if (request.since > lastSeq) return this.reject(new SocError(ErrorCode.ValidationFailed, `since ${request.since} is ahead of the feed (last seq ${lastSeq})`, { field: 'since' }));
    }
    const replay = this.feed.subscribe(request.filters, request.since);
    this.sendControl('subscribed', { since: replay?.since ?? null, filters: this.feed.currentSelection });
    if (replay) void this.replay(replay);
  }

  /**
   * Pages through the outbox after `since`, then joins the live stream. Replayed frames are paced, not
   * cut off: past the send-buffer limit the replay waits for the socket to write, and each page is
   * read only once the previous one is written, so a replay holds at most one page in memory.
   */
  private async replay(start: ReplayStart): Promise<void> {
    const { outbox, metrics, config } = this.deps;
    let cursor = start.since;
    let replayed = 0;
    try {
      for (;;) {
        if (!this.feed.isCurrent(start.generation) || this.socket.readyState !== WebSocket.OPEN) return;
        const page = await outbox.readSelectedAfter(cursor, start.selection, config.replayPageSize);
        const toSend = this.feed.onReplayPage(start.generation, page);
        if (page.length > 0) cursor = page[page.length - 1]!.message.seq;
        if (!(await this.sendPaced(toSend.map((stored) => JSON.stringify(stored.message))))) return;
        replayed += toSend.length;
        metrics.wsMessagesReplayed.inc(toSend.length);
        if (page.length < config.replayPageSize) {
          const end = this.feed.finishReplay(start.generation);
          if (end.kind === 'superseded') return;
          if (end.kind === 'live') {
            // Synchronously, so no live message can slip in between: from here on the client is live.
            for (const stored of end.send) this.send(JSON.stringify(stored.message));
            this.sendControl('replay.complete', { since: start.since, replayed, lastSentSeq: this.feed.lastSentSeq });
            return;
          }
        }
      }
    } catch (error) {
      if (!this.feed.isCurrent(start.generation)) return;
      this.deps.logger.warn({ err: error, userId: this.principal.userId }, 'live feed replay failed');
      // The seam cannot be kept without the outbox: the client reconnects and resumes from what it got.
      this.socket.close(WsCloseCode.ReplayFailed, 'replay failed; reconnect and subscribe with since');
    }
  }

  /**
   * Sends frames in order, waiting for the socket whenever its unsent bytes pass the limit, and
   * resolves once all are handed to the operating system: true, or false if the socket closed meanwhile.
   */
  private async sendPaced(frames: readonly string[]): Promise<boolean> {
    for (const frame of frames) {
      if (this.socket.bufferedAmount > this.deps.config.maxBufferedBytes && !(await this.drained())) return false;
      if (this.socket.readyState !== WebSocket.OPEN) return false;
      this.socket.send(frame);
      this.deps.metrics.wsMessagesSent.inc();
    }
    return this.drained();
  }

  /** Waits until nothing is left unsent (ws has no drain event, so it polls); false if the socket closes first. */
  private async drained(): Promise<boolean> {
    while (this.socket.readyState === WebSocket.OPEN && this.socket.bufferedAmount > 0) {
      await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
    }
    return this.socket.readyState === WebSocket.OPEN;
  }

  private async acknowledge(seq: number): Promise<void> {
    const lastAckedSeq = await this.deps.acks.record(this.principal.userId, seq);
    if (lastAckedSeq === undefined) return this.reject(new SocError(ErrorCode.ValidationFailed, `seq ${seq} has not been issued yet`, { field: 'seq' }));
    this.sendControl('acked', { seq, lastAckedSeq });
  }
}
