import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'X-SOC-Timestamp';
export const SIGNATURE_HEADER = 'X-SOC-Signature';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/**
 * `sha256=<hex>` of HMAC-SHA256(secret, `<timestamp>.<body>`). Signing the timestamp with the body
 * lets the receiver refuse replays of an old request (it checks the timestamp is recent).
 */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The receiver's check (and ours in tests): constant-time comparison of the presented signature. */
export function verifyWebhookSignature(secret: string, timestamp: string, body: string, presented: string): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** `<first seq>-<last seq>` of the batch. A retry starts at the same seq (it may reach further if more messages arrived). */
export function idempotencyKey(seqs: readonly number[]): string {
  return `${seqs[0] ?? 0}-${seqs[seqs.length - 1] ?? 0}`;
}
