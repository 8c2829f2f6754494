import { IncomingMessage } from 'node:http';
import { Duplex } from 'node:stream';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { WebSocket, WebSocketServer } from 'ws';
import { MetricsService } from '@soc/observability';
import { SOC_CONFIG, SOC_LOGGER, type SocConfig, type SocLogger } from '@soc/shared';
import { LiveMessage, WsCloseCode } from './live-message';

export const LIVE_FEED_PATH = '/ws';

interface Client {
  socket: WebSocket;
  alive: boolean;
}

/**
 * The `/ws` endpoint: every connected client receives every live message, serialized once.
 * Plain `ws` on the HTTP server's upgrade event, so the handshake stays ours (auth arrives in issue 3).
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

  /** Sends to every client; a client whose unsent backlog is over the limit is closed, never buffered without bound. */
  broadcast(message: LiveMessage): void {
    this.lastSeq = Math.max(this.lastSeq, message.seq);
    const frame = JSON.stringify(message);
    for (const client of this.clients) {
      if (client.socket.readyState !== WebSocket.OPEN) continue;
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
    this.server.handleUpgrade(request, socket, head, (ws) => this.accept(ws));
  }

  private accept(socket: WebSocket): void {
    const client: Client = { socket, alive: true };
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
    }
  }
}
