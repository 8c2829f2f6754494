import { createHmac, timingSafeEqual } from 'node:crypto';

/** Claims of our access tokens. */
export interface AccessClaims {
  sub: string;
  sid: string;
  usr: string;
  iat: number;
  exp: number;
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function base64url(text: string | Buffer): string {
  return Buffer.from(text).toString('base64url');
}

function signature(secret: string, signingInput: string): Buffer {
  return createHmac('sha256', secret).update(signingInput).digest();
}

/** HS256 only; the header is fixed, so no `alg` confusion is possible on verify. */
export function signAccessToken(claims: AccessClaims, secret: string): string {
  const signingInput = `${HEADER}.${base64url(JSON.stringify(claims))}`;
  return `${signingInput}.${signature(secret, signingInput).toString('base64url')}`;
}

/** Returns the claims of a well-formed, correctly signed, unexpired token; otherwise undefined. */
export function verifyAccessToken(token: string, secret: string, nowSeconds: number): AccessClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return undefined;
  const expected = signature(secret, `${parts[0]}.${parts[1]}`);
  const given = Buffer.from(parts[2]!, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let claims: Partial<AccessClaims>;
  try {
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Partial<AccessClaims>;
  } catch {
    return undefined;
  }
  if (claims === null || typeof claims !== 'object') return undefined;
  const valid =
    typeof claims.sub === 'string' &&
    typeof claims.sid === 'string' &&
    typeof claims.usr === 'string' &&
    typeof claims.iat === 'number' &&
    typeof claims.exp === 'number' &&
    claims.exp > nowSeconds;
  return valid ? (claims as AccessClaims) : undefined;
}
