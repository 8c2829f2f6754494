import { IncomingMessage } from 'node:http';
import { Duplex } from 'node:stream';
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { WebSocket, WebSocketServer } from 'ws';
import { AuthService, credentialOf, type UserPrincipal } from '@soc/auth';
import { MetricsService } from '@soc/observability';
import { SOC_CONFIG, SOC_LOGGER, type SocConfig, type SocLogger } from '@soc/shared';
import { LiveFeedAckRepository } from './live-feed-ack.repository';
import { LiveFeedConnection, type LiveFeedDeps } from './live-feed-connection';
import { StoredLiveMessage, WsCloseCode } from './live-message';
import { OutboxRepository } from './outbox.repository';

export const LIVE_FEED_PATH = '/ws';
/** How long clients get to answer the close frame at shutdown. */
const SHUTDOWN_CLOSE_GRACE_MS = 1000;

/**
 * The `/ws` endpoint. The upgrade needs a valid access token (`Authorization: Bearer` or
 * `?access_token=`); each client then receives the live messages of the agencies it may see, and may
 * subscribe (filters, replay from a seq) and acknowledge (see `LiveFeedConnection`).
 * Plain `ws` on the HTTP server's upgrade event, so the handshake (and its 401) stays ours.
 */
@Injectable()
export class LiveFeedGateway implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly clients = new Set<LiveFeedConnection>();
  private readonly deps: LiveFeedDeps;
  private heartbeat?: NodeJS.Timeout;
  /** The last seq this node's relay has broadcast: where a client that connects now starts live. */
  private lastSeq = 0;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly auth: AuthService,
    outbox: OutboxRepository,
    acks: LiveFeedAckRepository,
    metrics: MetricsService,
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
    @Inject(SOC_LOGGER) private readonly logger: SocLogger,
  ) {
    this.deps = { outbox, acks, metrics, config: config.ws, logger };
  }

  onApplicationBootstrap(): void {
    const httpServer = this.adapterHost.httpAdapter.getHttpServer() as import('node:http').Server;
    httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(request, socket, head));
    this.heartbeat = setInterval(() => this.checkHeartbeats(), this.config.ws.heartbeatMs);
    this.heartbeat.unref();
  }

  /**
   * Before the HTTP server closes: it waits for every connection, upgraded ones included, so open
   * feeds would hold the shutdown. Clients get a close frame (1001: reconnect, resume with since) and
   * a moment to answer it; the rest are cut.
   */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.heartbeat);
    const closing = [...this.clients].map(
      ({ socket }) =>
        new Promise<void>((resolve) => {
          if (socket.readyState === WebSocket.CLOSED) return resolve();
          socket.once('close', () => resolve());
          socket.close(1001, 'server shutting down; reconnect and subscribe with since');
        }),
    );
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(closing), new Promise((resolve) => (timer = setTimeout(resolve, SHUTDOWN_CLOSE_GRACE_MS)))]);
    clearTimeout(timer);
    for (const client of this.clients) client.socket.terminate();
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Where the relay starts (the outbox's last seq at boot): messages before it are only reachable by replay. */
  startFrom(seq: number): void {
    this.lastSeq = Math.max(this.lastSeq, seq);
  }

  /** Hands a committed message to every client; each decides by its scope, filters and replay state. */
  broadcast(stored: StoredLiveMessage): void {
    this.lastSeq = Math.max(this.lastSeq, stored.message.seq);
    const frame = JSON.stringify(stored.message);
    for (const client of this.clients) client.deliverLive(stored, frame);
  }

  clientCount(): number {
    return this.clients.size;
  }

  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== LIVE_FEED_PATH) {
      socket.destroy();
      return;
    }
    void this.authenticate(request).then(
      (authenticated) => {
        if (!authenticated) return refuse(socket, 401, 'Unauthorized');
        this.server.handleUpgrade(request, socket, head, (ws) => this.accept(ws, authenticated));
      },
      (error: unknown) => {
        this.logger.warn({ err: error }, 'WebSocket authentication failed');
        refuse(socket, 503, 'Service Unavailable');
      },
    );
  }

  /** The principal, its token and its acknowledged seq (read before the upgrade, so the hello can carry it). */
  private async authenticate(request: IncomingMessage): Promise<{ principal: UserPrincipal; token: string; lastAckedSeq: number } | undefined> {
    const credential = credentialOf(request, true);
    if (credential.kind !== 'access-token') return undefined;
    const principal = await this.auth.authenticate(credential.token);
    return principal && { principal, token: credential.token, lastAckedSeq: await this.deps.acks.lastAcked(principal.userId) };
  }

  private accept(socket: WebSocket, { principal, token, lastAckedSeq }: { principal: UserPrincipal; token: string; lastAckedSeq: number }): void {
    const client = new LiveFeedConnection(socket, principal, token, this.lastSeq, this.deps);
    this.clients.add(client);
    this.deps.metrics.wsClients.set(this.clients.size);
    socket.on('pong', () => (client.alive = true));
    socket.on('error', (error) => this.logger.debug({ err: error }, 'WebSocket client error'));
    socket.on('close', () => {
      this.clients.delete(client);
      this.deps.metrics.wsClients.set(this.clients.size);
    });
    // Where the live stream stands, and where this user last acknowledged: a console resumes with
    // `subscribe` since lastAckedSeq. Not an outbox message, so it has no seq.
    client.sendControl('hello', { lastSeq: this.lastSeq, lastAckedSeq });
  }

  private checkHeartbeats(): void {
    for (const client of this.clients) {
      if (!client.alive) {
        client.socket.terminate();
        continue;
      }
      client.alive = false;
      client.socket.ping();
      void this.auth.authenticate(client.accessToken).then(
        (still) => {
          if (!still) client.socket.close(WsCloseCode.SessionEnded, 'access token expired or session ended; reconnect with a fresh token');
        },
        () => undefined,
      );
    }
  }
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
