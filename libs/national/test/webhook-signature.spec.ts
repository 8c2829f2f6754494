import { createHmac } from 'node:crypto';
import { idempotencyKey, signWebhook, verifyWebhookSignature } from '../src/channels';

describe('webhook signing', () => {
  const secret = 'a-national-center-shared-secret-0123456789';
  const body = '{"sender":"soc-hue","messages":[]}';

  it('is HMAC-SHA256 over "<timestamp>.<body>", hex, prefixed sha256=', () => {
    const expected = createHmac('sha256', secret).update(`1796032800.${body}`).digest('hex');
    expect(signWebhook(secret, '1796032800', body)).toBe(`sha256=${expected}`);
    // A known vector, so another implementation at the national center can check itself against ours.
    expect(signWebhook('key', '1', 'x')).toBe(`sha256=${createHmac('sha256', 'key').update('1.x').digest('hex')}`);
  });

  it('verifies only the same secret, timestamp and body', () => {
    const signature = signWebhook(secret, '1796032800', body);
    expect(verifyWebhookSignature(secret, '1796032800', body, signature)).toBe(true);
    expect(verifyWebhookSignature(secret, '1796032801', body, signature)).toBe(false);
    expect(verifyWebhookSignature(secret, '1796032800', `${body} `, signature)).toBe(false);
    expect(verifyWebhookSignature(`${secret}x`, '1796032800', body, signature)).toBe(false);
    expect(verifyWebhookSignature(secret, '1796032800', body, 'sha256=00')).toBe(false);
  });

  it('keys a batch by its first and last seq', () => {
    expect(idempotencyKey([7, 8, 12])).toBe('7-12');
    expect(idempotencyKey([9])).toBe('9-9');
  });
});
