import { WebSocket } from 'ws';

export interface FeedMessage {
  type: string;
  seq?: number;
  ts?: string;
  data: Record<string, unknown>;
}

/** A `/ws` client that records every message and lets a test wait for one. */
export class LiveFeedClient {
  readonly messages: FeedMessage[] = [];
  /** Resolves with the close code and reason once the connection closes. */
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: Array<() => void> = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (raw) => {
      this.messages.push(JSON.parse((raw as Buffer).toString('utf8')) as FeedMessage);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') })));
  }

  /** Sends a protocol message (an object as JSON; a string as is, e.g. to send garbage). */
  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The seq of every feed message received so far (control messages such as hello carry none). */
  seqs(): number[] {
    return this.messages.filter((m) => m.seq !== undefined).map((m) => m.seq!);
  }

  /** Connects with an access token and waits for the server's hello, so the client is registered before the test goes on. */
  static async connect(url: string, accessToken: string): Promise<LiveFeedClient> {
    const client = new LiveFeedClient(new WebSocket(url, { headers: { Authorization: `Bearer ${accessToken}` } }));
    await client.waitFor((m) => m.type === 'hello');
    return client;
  }

  async waitFor(match: (m: FeedMessage) => boolean, timeoutMs = 20_000): Promise<FeedMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(match);
      if (found) return found;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no matching live message within ${timeoutMs} ms; got ${JSON.stringify(this.messages.map((m) => m.type))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.socket.close();
  }

  /** Resolves with the HTTP status when the server refuses the upgrade. */
  static refusal(url: string, headers: Record<string, string> = {}): Promise<number> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { headers });
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.on('open', () => {
        socket.close();
        reject(new Error('the upgrade was accepted'));
      });
      socket.on('error', () => undefined);
    });
  }
}
