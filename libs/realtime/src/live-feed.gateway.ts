import { IncomingMessage } from 'node:http';
import { Duplex } from 'node:stream';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { WebSocket, WebSocketServer } from 'ws';
import { AuthService, credentialOf, type UserPrincipal } from '@soc/auth';
import { MetricsService } from '@soc/observability';
import { inScope, SOC_CONFIG, SOC_LOGGER, type SocConfig, type SocLogger } from '@soc/shared';
import { StoredLiveMessage, WsCloseCode } from './live-message';

export const LIVE_FEED_PATH = '/ws';

interface Client {
  socket: WebSocket;
  alive: boolean;
  principal: UserPrincipal;
  /** Re-checked at every heartbeat, so logout or expiry ends the feed too. */
  accessToken: string;
}

/**
 * The `/ws` endpoint. The upgrade needs a valid access token (`Authorization: Bearer` or
 * `?access_token=`); each client then receives the live messages of the agencies it may see.
 * Plain `ws` on the HTTP server's upgrade event, so the handshake (and its 401) stays ours.
 */
@Injectable()
export class LiveFeedGateway implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly clients = new Set<Client>();
  private heartbeat?: NodeJS.Timeout;
  private lastSeq = 0;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly metrics: MetricsService,
    private readonly auth: AuthService,
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
    @Inject(SOC_LOGGER) private readonly logger: SocLogger,
  ) {}

  onApplicationBootstrap(): void {
    const httpServer = this.adapterHost.httpAdapter.getHttpServer() as import('node:http').Server;
    httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(request, socket, head));
    this.heartbeat = setInterval(() => this.checkHeartbeats(), this.config.ws.heartbeatMs);
    this.heartbeat.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.socket.close(1001, 'server shutting down');
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /**
   * Sends to every client whose scope covers the message's agency; a client whose unsent backlog is
   * over the limit is closed, never buffered without bound.
   */
  broadcast({ message, agencyId }: StoredLiveMessage): void {
    this.lastSeq = Math.max(this.lastSeq, message.seq);
    const frame = JSON.stringify(message);
    for (const client of this.clients) {
      if (client.socket.readyState !== WebSocket.OPEN || !inScope(client.principal.scope, agencyId)) continue;
      if (client.socket.bufferedAmount > this.config.ws.maxBufferedBytes) {
        this.metrics.wsSlowClientsClosed.inc();
        client.socket.close(WsCloseCode.SlowConsumer, `slow consumer: over ${this.config.ws.maxBufferedBytes} bytes unsent`);
        continue;
      }
      client.socket.send(frame);
      this.metrics.wsMessagesSent.inc();
    }
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
        this.server.handleUpgrade(request, socket, head, (ws) => this.accept(ws, authenticated.principal, authenticated.token));
      },
      (error: unknown) => {
        this.logger.warn({ err: error }, 'WebSocket authentication failed');
        refuse(socket, 503, 'Service Unavailable');
      },
    );
  }

  private async authenticate(request: IncomingMessage): Promise<{ principal: UserPrincipal; token: string } | undefined> {
    const credential = credentialOf(request, true);
    if (credential.kind !== 'access-token') return undefined;
    const principal = await this.auth.authenticate(credential.token);
    return principal && { principal, token: credential.token };
  }

  private accept(socket: WebSocket, principal: UserPrincipal, accessToken: string): void {
    const client: Client = { socket, alive: true, principal, accessToken };
    this.clients.add(client);
    this.metrics.wsClients.set(this.clients.size);
    socket.on('pong', () => (client.alive = true));
    socket.on('error', (error) => this.logger.debug({ err: error }, 'WebSocket client error'));
    socket.on('close', () => {
      this.clients.delete(client);
      this.metrics.wsClients.set(this.clients.size);
    });
    // Tells the client where the live stream stands; it is not an outbox message, so it has no seq.
    socket.send(JSON.stringify({ type: 'hello', data: { lastSeq: this.lastSeq } }));
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
