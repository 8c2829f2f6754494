import type { Clock } from '@soc/shared';
import type { NationalBatch, NationalMessage } from '../payload/national-message';
import { DeliveryFailure, DeliveryFailureCode, type NationalChannel, asDeliveryFailure } from './national-channel';
import { IDEMPOTENCY_HEADER, idempotencyKey, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './webhook-signature';

export interface WebhookSettings {
  url: string;
  secret: string;
  timeoutMs: number;
  senderId: string;
}

/** Longest part of a refusal's body kept in `last_error`. */
const ERROR_BODY_CHARS = 200;

/** POSTs each batch as signed JSON; any 2xx answer means accepted. */
export class WebhookChannel implements NationalChannel {
  readonly kind = 'webhook' as const;

  constructor(
    private readonly settings: WebhookSettings,
    private readonly clock: Clock,
  ) {}

  async send(messages: readonly NationalMessage[]): Promise<void> {
    const batch: NationalBatch = { sender: this.settings.senderId, messages };
    const body = JSON.stringify(batch);
    const timestamp = String(Math.floor(this.clock.now().getTime() / 1000));
    let response: Response;
    try {
      response = await fetch(this.settings.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: signWebhook(this.settings.secret, timestamp, body),
          [IDEMPOTENCY_HEADER]: idempotencyKey(messages.map((m) => m.seq)),
        },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      throw asDeliveryFailure(error);
    }
    const answer = await response.text().catch(() => '');
    if (response.status < 200 || response.status > 299) {
      throw new DeliveryFailure(DeliveryFailureCode.Rejected, `HTTP ${response.status}${answer ? `: ${answer.slice(0, ERROR_BODY_CHARS)}` : ''}`);
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
