import { createConnection, type Socket } from 'node:net';
import { hostname } from 'node:os';
import type { NationalMessage } from '../payload/national-message';
import { toCef } from './cef';
import { asDeliveryFailure, DeliveryFailure, DeliveryFailureCode, type NationalChannel } from './national-channel';
import { octetCounted, rfc5424 } from './rfc5424';

export interface SyslogChannelSettings {
  host: string;
  port: number;
  format: 'cef' | 'json';
  timeoutMs: number;
  senderId: string;
}

/**
 * RFC 5424 messages over TCP with octet counting, one connection per batch. Syslog has no
 * acknowledgement: a batch counts as accepted once every byte was written and the receiver closed
 * the connection cleanly after our FIN (a reset or a timeout means it may not have read them).
 */
export class SyslogChannel implements NationalChannel {
  readonly kind = 'syslog' as const;
  private readonly host = hostname();

  constructor(private readonly settings: SyslogChannelSettings) {}

  /** The MSG part of one message. */
  body(message: NationalMessage): string {
    return this.settings.format === 'cef' ? toCef(message, { vendor: this.settings.senderId }) : JSON.stringify({ sender: this.settings.senderId, ...message });
  }

  async send(messages: readonly NationalMessage[]): Promise<void> {
    const payload = Buffer.concat(messages.map((m) => octetCounted(rfc5424(m, this.body(m), this.host))));
    try {
      await this.deliver(payload);
    } catch (error) {
      throw asDeliveryFailure(error);
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private deliver(payload: Buffer): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const socket: Socket = createConnection({ host: this.settings.host, port: this.settings.port });
      let failed: Error | undefined;
      const timer = setTimeout(() => {
        failed ??= new DeliveryFailure(DeliveryFailureCode.Timeout, `syslog receiver did not finish within ${this.settings.timeoutMs} ms`);
        socket.destroy();
      }, this.settings.timeoutMs);
      socket.on('error', (error) => {
        failed ??= error;
      });
      socket.on('connect', () => socket.end(payload));
      // The receiver's data is of no interest; reading it lets its close reach us.
      socket.on('data', () => undefined);
      socket.on('close', (hadError) => {
        clearTimeout(timer);
        if (failed || hadError) reject(failed ?? new Error('syslog connection closed with an error'));
        else resolve();
      });
    });
  }
}
