import { createSocket, Socket as UdpSocket } from 'node:dgram';
import { AddressInfo, createServer, Server, Socket } from 'node:net';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { MetricsService } from '@soc/observability';
import { RawEnvelope } from '@soc/parsers';
import { CLOCK, type Clock, describeError, SOC_CONFIG, SOC_LOGGER, type SocConfig, type SocLogger } from '@soc/shared';
import { SourceDirectory } from '@soc/sources';
import { EVENT_TRANSPORT, type EventTransport } from '@soc/transport';
import { SyslogFramer } from './octet-framing';

const MAX_FRAME_BYTES = 1024 * 1024;
const FLUSH_RECORDS = 500;
const FLUSH_MS = 50;
/** Beyond this many unsent records, TCP peers are paused and UDP datagrams are dropped (and counted). */
const MAX_PENDING = 20_000;

interface Pending {
  address: string;
  payload: string;
  receivedAt: Date;
}

/**
 * Syslog over UDP and TCP (RFC 6587 framing) into the same transport as HTTP ingest. A sender is
 * the source whose allow-list holds its address, or `syslog:<address>` when none does.
 * TCP gets backpressure (sockets pause); UDP cannot, so a full queue drops and counts.
 */
@Injectable()
export class SyslogReceiver implements OnApplicationBootstrap, OnApplicationShutdown {
  private udp?: UdpSocket;
  private tcp?: Server;
  private readonly connections = new Set<Socket>();
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
    const { host, port } = this.config.syslog;
    this.udp = createSocket(host.includes(':') ? 'udp6' : 'udp4');
    this.udp.on('message', (datagram, peer) => this.receiveDatagram(datagram, peer.address));
    this.udp.on('error', (error) => this.logger.error({ err: error }, 'syslog UDP socket error'));
    await new Promise<void>((resolve) => this.udp!.bind(port, host, resolve));
    this.tcp = createServer((socket) => this.accept(socket));
    // Share the UDP port number when it was chosen by the system (port 0 in tests).
    await new Promise<void>((resolve, reject) => this.tcp!.once('error', reject).listen(this.udp!.address().port, host, resolve));
    this.logger.info({ host, port: this.udp.address().port }, 'syslog receivers listening (UDP and TCP)');
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    for (const socket of this.connections) socket.destroy();
    await new Promise<void>((resolve) => (this.tcp ? this.tcp.close(() => resolve()) : resolve()));
    await new Promise<void>((resolve) => (this.udp ? this.udp.close(() => resolve()) : resolve()));
    await this.flush();
  }

  /** The bound port (UDP and TCP share it), when listening. */
  port(): number | undefined {
    return this.tcp ? (this.tcp.address() as AddressInfo).port : undefined;
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

  private accept(socket: Socket): void {
    const address = socket.remoteAddress ?? 'unknown';
    const framer = new SyslogFramer(MAX_FRAME_BYTES);
    this.connections.add(socket);
    socket.on('data', (chunk: Buffer) => {
      try {
        const messages = framer.push(chunk);
        this.metrics.syslogReceived.inc({ transport: 'tcp' }, messages.length);
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

/** `::ffff:10.0.0.1` from a dual-stack socket is the IPv4 sender 10.0.0.1. */
const plain = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
