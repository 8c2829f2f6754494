import type { IncomingMessage } from 'node:http';
import { API_KEY_PREFIX } from './secrets';

export type Credential = { kind: 'access-token'; token: string } | { kind: 'api-key'; key: string } | { kind: 'none' };

/**
 * Reads the caller's credential: `Authorization: Bearer <token or API key>`, `X-Api-Key`, or — for
 * WebSocket upgrades, where browsers cannot set headers — `?access_token=`.
 */
export function credentialOf(request: Pick<IncomingMessage, 'headers' | 'url'>, allowQueryToken: boolean): Credential {
  const header = request.headers.authorization;
  const bearer = typeof header === 'string' && /^Bearer\s+/i.test(header) ? header.replace(/^Bearer\s+/i, '').trim() : undefined;
  const apiKeyHeader = request.headers['x-api-key'];
  const apiKey = typeof apiKeyHeader === 'string' ? apiKeyHeader.trim() : undefined;
  const queryToken = allowQueryToken ? new URL(request.url ?? '/', 'http://localhost').searchParams.get('access_token') ?? undefined : undefined;
  const presented = bearer ?? apiKey ?? queryToken;
  if (!presented) return { kind: 'none' };
  return presented.startsWith(API_KEY_PREFIX) ? { kind: 'api-key', key: presented } : { kind: 'access-token', token: presented };
}
