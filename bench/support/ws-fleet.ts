import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';

/** Every delivery a fleet of clients received: which bench message, and when (performance.now()). */
export class DeliveryLog {
  private ids: Int32Array;
  private times: Float64Array;
  private size = 0;
  private waiter?: { target: number; resolve: () => void };

  constructor(capacity: number) {
    this.ids = new Int32Array(capacity);
    this.times = new Float64Array(capacity);
  }

  get count(): number {
    return this.size;
  }

  record(id: number, at: number): void {
    if (this.size === this.ids.length) this.grow();
    this.ids[this.size] = id;
    this.times[this.size] = at;
    this.size += 1;
    if (this.waiter && this.size >= this.waiter.target) {
      this.waiter.resolve();
      this.waiter = undefined;
    }
  }

  /** Resolves once `target` deliveries are in, or rejects after `timeoutMs` naming how many came. */
  reached(target: number, timeoutMs: number): Promise<void> {
    if (this.size >= target) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.size} of ${target} deliveries after ${timeoutMs} ms`)), timeoutMs);
      this.waiter = {
        target,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
    });
  }

  /** Delivery time minus `sentAt[id]`, for every delivery, sorted. */
  latencies(sentAt: Float64Array): Float64Array {
    const out = new Float64Array(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.times[i]! - sentAt[this.ids[i]!]!;
    return out.sort();
  }

  /** When the last delivery arrived. */
  lastAt(): number {
    let last = 0;
    for (let i = 0; i < this.size; i++) last = Math.max(last, this.times[i]!);
    return last;
  }

  reset(): void {
    this.size = 0;
  }

  private grow(): void {
    const ids = new Int32Array(this.ids.length * 2);
    const times = new Float64Array(this.times.length * 2);
    ids.set(this.ids);
    times.set(this.times);
    this.ids = ids;
    this.times = times;
  }
}

/**
 * `count` WebSocket clients on `url`, connected `concurrency` at a time. Each parses every frame (as a
 * console would) and logs those carrying `data.benchId`. With `awaitHello`, a client counts as
 * connected once the server's first message arrived (our feed registers the client before its hello).
 */
export async function connectFleet(
  url: string,
  count: number,
  log: DeliveryLog,
  { headers = {}, awaitHello = false, concurrency = 50 }: { headers?: Record<string, string>; awaitHello?: boolean; concurrency?: number } = {},
): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  const connectOne = () =>
    new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(url, { headers });
      socket.once('error', reject);
      socket.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString('utf8')) as { data?: { benchId?: unknown } };
        const id = message.data?.benchId;
        if (typeof id === 'number') log.record(id, performance.now());
        else if (awaitHello) resolve(socket);
      });
      if (!awaitHello) socket.once('open', () => resolve(socket));
    });
  for (let next = 0; next < count; next += concurrency) {
    sockets.push(...(await Promise.all(Array.from({ length: Math.min(concurrency, count - next) }, connectOne))));
  }
  return sockets;
}

/** Closes every socket and waits until all are closed. */
export async function closeFleet(sockets: readonly WebSocket[]): Promise<void> {
  await Promise.all(
    sockets.map(
      (socket) =>
        new Promise<void>((resolve) => {
          if (socket.readyState === WebSocket.CLOSED) return resolve();
          socket.once('close', () => resolve());
          socket.close();
        }),
    ),
  );
}
