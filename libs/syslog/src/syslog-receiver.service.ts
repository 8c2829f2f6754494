import { createSocket, Socket as UdpSocket } from 'node:dgram';
import { AddressInfo, createServer, Server, Socket } from 'node:net';
import { createServer as createTlsServer, Server as TlsServer } from 'node:tls';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { MetricsService } from '@soc/observability';
import { RawEnvelope } from '@soc/parsers';
import { CLOCK, type Clock, describeError, SOC_CONFIG, SOC_LOGGER, type SocConfig, type SocLogger } from '@soc/shared';
import { SourceDirectory } from '@soc/sources';
import { EVENT_TRANSPORT, type EventTransport } from '@soc/transport';
import { SyslogFramer } from './octet-framing';
import { loadSyslogTlsOptions } from './tls-options';

const MAX_FRAME_BYTES = 1024 * 1024;
const FLUSH_RECORDS = 500;
const FLUSH_MS = 50;
/** Beyond this many unsent records, TCP and TLS peers are paused and UDP datagrams are dropped (and counted). */
const MAX_PENDING = 20_000;

/** Stream transports share one connection handler; the label only tells them apart in metrics. */
type StreamTransport = 'tcp' | 'tls';

interface Pending {
  address: string;
  payload: string;
  receivedAt: Date;
}

/**
 * Syslog over UDP, TCP (RFC 6587 framing) and, when configured, TLS (RFC 5425) into the same transport as
 * HTTP ingest. A sender is the source whose allow-list holds its address, or `syslog:<address>` when none does.
 * TCP and TLS get backpressure (sockets pause); UDP cannot, so a full queue drops and counts.
 */
@Injectable()
export class SyslogReceiver implements OnApplicationBootstrap, OnApplicationShutdown {
  private udp?: UdpSocket;
  private tcp?: Server;
  private tls?: TlsServer;
  /** Accepted stream connections (TCP, and TLS after the handshake): the ones backpressure pauses. */
  private readonly connections = new Set<Socket>();
  /** The TCP sockets under TLS clients, from connect on, handshake finished or not. */
  private readonly tlsSockets = new Set<Socket>();
  private pending: Pending[] = [];
  private flushing = false;
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
    private readonly sources: SourceDirectory,
    private readonly metrics: MetricsService,
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
    @Inject(SOC_LOGGER) private readonly logger: SocLogger,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.syslog.enabled) return;
    const { host, port, tls } = this.config.syslog;
    // Certificates are read before anything binds, so a bad file stops the start with no listener half-open.
    const tlsListener = tls && { port: tls.port, options: loadSyslogTlsOptions(tls) };
    // A port chosen by the system (0, in tests) is chosen for UDP; TCP shares its number, which a TCP socket
    // elsewhere may already hold: then both are bound again on a new number.
    for (let attempt = 1; ; attempt++) {
      await this.bindUdp(port, host);
      this.tcp = createServer((socket) => this.accept(socket, 'tcp'));
      try {
        await listen(this.tcp, this.udp!.address().port, host);
        break;
      } catch (error) {
        await new Promise<void>((resolve) => this.udp!.close(() => resolve()));
        this.udp = undefined;
        this.tcp = undefined;
        if (port !== 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 5) throw error;
      }
    }
    if (tlsListener) {
      // Called on `secureConnection` only: a client refused in the handshake (no certificate, or one the CA did
      // not sign) never reaches `accept`, so not one byte of it is framed or enqueued.
      this.tls = createTlsServer(tlsListener.options, (socket) => this.accept(socket, 'tls'));
      this.tls.on('tlsClientError', (error, socket) =>
        this.logger.warn(
          // After a failed certificate check Node has already closed the socket, so `peer` may be missing then;
          // `reason` is the verification code (e.g. UNABLE_TO_VERIFY_LEAF_SIGNATURE) an agency's admin needs.
          { peer: socket.remoteAddress, reason: describeError(socket.authorizationError ?? error) },
          'syslog TLS handshake failed; connection refused',
        ),
      );
      // A client still in its handshake is not in `connections`; shutdown must not wait out the handshake timeout for it.
      this.tls.on('connection', (raw: Socket) => {
        this.tlsSockets.add(raw);
        raw.once('close', () => this.tlsSockets.delete(raw));
      });
      await listen(this.tls, tlsListener.port, host);
    }
    this.logger.info(
      { host, port: this.port(), tlsPort: this.tlsPort(), mutualTls: Boolean(tls?.caFile) },
      this.tls ? 'syslog receivers listening (UDP, TCP and TLS)' : 'syslog receivers listening (UDP and TCP)',
    );
  }

  /** A bind failure (port taken) must fail the start, not hang it; later socket errors are logged. */
  private async bindUdp(port: number, host: string): Promise<void> {
    const udp = createSocket(host.includes(':') ? 'udp6' : 'udp4');
    udp.on('message', (datagram, peer) => this.receiveDatagram(datagram, peer.address));
    this.udp = udp;
    await new Promise<void>((resolve, reject) => {
      udp.once('error', reject).bind(port, host, () => {
        udp.off('error', reject);
        resolve();
      });
    });
    udp.on('error', (error) => this.logger.error({ err: error }, 'syslog UDP socket error'));
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    for (const socket of [...this.connections, ...this.tlsSockets]) socket.destroy();
    await close(this.tcp);
    await close(this.tls);
    await new Promise<void>((resolve) => (this.udp ? this.udp.close(() => resolve()) : resolve()));
    await this.flush();
  }

  /** The bound port (UDP and TCP share it), when listening. */
  port(): number | undefined {
    return this.tcp ? (this.tcp.address() as AddressInfo).port : undefined;
  }

  /** The bound TLS port, when TLS is configured and listening. */
  tlsPort(): number | undefined {
    return this.tls ? (this.tls.address() as AddressInfo).port : undefined;
  }

  private receiveDatagram(datagram: Buffer, address: string): void {
    const lines = datagram.toString('utf8').split('\n').map((line) => line.replace(/[\r\0]+$/, '')).filter((line) => line.length > 0);
    this.metrics.syslogReceived.inc({ transport: 'udp' }, lines.length);
    if (this.pending.length + lines.length > MAX_PENDING) {
      this.metrics.syslogDropped.inc({ reason: 'queue_full' }, lines.length);
      return;
    }
    this.enqueue(address, lines);
  }

  /** One connection of either stream transport (a TLS socket is a `net.Socket` once its handshake is done). */
  private accept(socket: Socket, transport: StreamTransport): void {
    const address = socket.remoteAddress ?? 'unknown';
    const framer = new SyslogFramer(MAX_FRAME_BYTES);
    this.connections.add(socket);
    socket.on('data', (chunk: Buffer) => {
      try {
        const messages = framer.push(chunk);
        this.metrics.syslogReceived.inc({ transport }, messages.length);
        this.enqueue(address, messages);
        if (this.pending.length > MAX_PENDING) socket.pause();
      } catch (error) {
        this.metrics.syslogDropped.inc({ reason: 'frame_too_long' });
        this.logger.warn({ peer: address, err: error }, 'closing a syslog connection that sent an oversized frame');
        socket.destroy();
      }
    });
    socket.on('end', () => this.enqueue(address, framer.end()));
    socket.on('error', (error) => this.logger.debug({ peer: address, err: error }, 'syslog connection error'));
    socket.on('close', () => this.connections.delete(socket));
  }

  private enqueue(address: string, payloads: string[]): void {
    if (payloads.length === 0) return;
    const receivedAt = this.clock.now();
    for (const payload of payloads) this.pending.push({ address, payload, receivedAt });
    if (this.pending.length >= FLUSH_RECORDS) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
  }

  private async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.flushing || this.pending.length === 0) return;
    this.flushing = true;
    const batch = this.pending.splice(0, this.pending.length);
    try {
      const sourceOf = new Map<string, string>();
      for (const address of new Set(batch.map((p) => p.address))) sourceOf.set(address, await this.sources.sourceForAddress(plain(address)));
      const envelopes: RawEnvelope[] = batch.map((p) => ({ sourceId: sourceOf.get(p.address)!, receivedAt: p.receivedAt, transport: 'syslog', payload: p.payload }));
      await this.transport.publish(envelopes);
    } catch (error) {
      this.metrics.syslogDropped.inc({ reason: 'publish_failed' }, batch.length);
      this.logger.error({ err: describeError(error), records: batch.length }, 'syslog batch could not be handed to the pipeline');
    } finally {
      this.flushing = false;
      for (const socket of this.connections) if (socket.isPaused() && this.pending.length < MAX_PENDING / 2) socket.resume();
      if (this.pending.length > 0) void this.flush();
    }
  }
}

const listen = (server: Server, port: number, host: string) =>
  new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
const close = (server: Server | undefined) => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));

/** `::ffff:10.0.0.1` from a dual-stack socket is the IPv4 sender 10.0.0.1. */
const plain = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
