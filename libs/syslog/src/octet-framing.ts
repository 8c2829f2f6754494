/**
 * Splits a TCP syslog byte stream into messages (RFC 6587): octet counting (`<length> <message>`)
 * when a frame starts with a digit, else non-transparent framing (one message per LF; CR and NUL trimmed).
 */
export class SyslogFramer {
  private buffer: Buffer = Buffer.alloc(0);

  constructor(private readonly maxFrameBytes: number) {}

  /** Feeds bytes; returns the complete messages, or throws when a frame exceeds the limit. */
  push(chunk: Buffer): string[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const messages: string[] = [];
    for (;;) {
      const message = this.next();
      if (message === undefined) break;
      if (message.length > 0) messages.push(message);
    }
    if (this.buffer.length > this.maxFrameBytes) throw new Error(`syslog frame longer than ${this.maxFrameBytes} bytes`);
    return messages;
  }

  /** What is left when the peer closes: a last unterminated line is still a message. */
  end(): string[] {
    const rest = trimLine(this.buffer.toString('utf8'));
    this.buffer = Buffer.alloc(0);
    return rest.length > 0 ? [rest] : [];
  }

  private next(): string | undefined {
    const first = this.buffer[0];
    if (first === undefined) return undefined;
    if (first >= 0x31 && first <= 0x39) {
      const space = this.buffer.indexOf(0x20);
      const digits = space > 0 ? this.buffer.subarray(0, space).toString('ascii') : '';
      if (space > 0 && space <= 10 && /^\d+$/.test(digits)) {
        const length = Number(digits);
        if (length > this.maxFrameBytes) throw new Error(`syslog frame longer than ${this.maxFrameBytes} bytes`);
        if (this.buffer.length < space + 1 + length) return undefined;
        const message = this.buffer.subarray(space + 1, space + 1 + length).toString('utf8');
        this.buffer = this.buffer.subarray(space + 1 + length);
        return trimLine(message);
      }
      if (space < 0 && this.buffer.length <= 10 && /^\d+$/.test(this.buffer.toString('ascii'))) return undefined;
    }
    const newline = this.buffer.indexOf(0x0a);
    if (newline < 0) return undefined;
    const line = this.buffer.subarray(0, newline).toString('utf8');
    this.buffer = this.buffer.subarray(newline + 1);
    return trimLine(line);
  }
}

const trimLine = (text: string) => text.replace(/[\r\n\0]+$/, '');
