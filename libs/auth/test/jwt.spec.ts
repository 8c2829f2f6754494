import { createHmac } from 'node:crypto';
import { type AccessClaims, signAccessToken, verifyAccessToken } from '@soc/auth';

const SECRET = 'unit-test-secret-0123456789abcdef';
const NOW = 1_700_000_000;
const CLAIMS: AccessClaims = { sub: 'user-1', sid: 'session-1', usr: 'alice', iat: NOW, exp: NOW + 900 };

const b64 = (value: unknown): string => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const hs256 = (secret: string, input: string): string => createHmac('sha256', secret).update(input).digest('base64url');

describe('signAccessToken / verifyAccessToken', () => {
  it('round-trips the claims of a fresh token', () => {
    const token = signAccessToken(CLAIMS, SECRET);
    expect(token.split('.')).toHaveLength(3);
    expect(verifyAccessToken(token, SECRET, NOW)).toEqual(CLAIMS);
    expect(verifyAccessToken(token, SECRET, CLAIMS.exp - 1)).toEqual(CLAIMS);
  });

  it('writes a standard HS256 header', () => {
    const [header] = signAccessToken(CLAIMS, SECRET).split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString('utf8'))).toEqual({ alg: 'HS256', typ: 'JWT' });
  });

  it('rejects a token once exp <= now', () => {
    const token = signAccessToken(CLAIMS, SECRET);
    expect(verifyAccessToken(token, SECRET, CLAIMS.exp)).toBeUndefined();
    expect(verifyAccessToken(token, SECRET, CLAIMS.exp + 3600)).toBeUndefined();
  });

  it('rejects a token whose payload was altered after signing', () => {
    const [header, , sig] = signAccessToken(CLAIMS, SECRET).split('.');
    const forged = `${header}.${b64({ ...CLAIMS, sub: 'admin-user' })}.${sig}`;
    expect(verifyAccessToken(forged, SECRET, NOW)).toBeUndefined();
  });

  it('rejects a token whose signature was altered', () => {
    const [header, payload, sig] = signAccessToken(CLAIMS, SECRET).split('.');
    const flipped = Buffer.from(sig!, 'base64url');
    flipped[0] = flipped[0]! ^ 0xff;
    expect(verifyAccessToken(`${header}.${payload}.${flipped.toString('base64url')}`, SECRET, NOW)).toBeUndefined();
    expect(verifyAccessToken(`${header}.${payload}.`, SECRET, NOW)).toBeUndefined();
  });

  it('rejects a token signed with another secret', () => {
    const token = signAccessToken(CLAIMS, 'some-other-secret');
    expect(verifyAccessToken(token, SECRET, NOW)).toBeUndefined();
  });

  it('rejects an unsigned alg "none" token', () => {
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(CLAIMS)}.`;
    expect(verifyAccessToken(token, SECRET, NOW)).toBeUndefined();
  });

  it('rejects a token with another header even when correctly signed for it', () => {
    const input = `${b64({ alg: 'HS256', typ: 'JWT', kid: 'x' })}.${b64(CLAIMS)}`;
    expect(verifyAccessToken(`${input}.${hs256(SECRET, input)}`, SECRET, NOW)).toBeUndefined();
  });

  it.each(['', 'a.b', 'a.b.c.d', 'a.b.c', '...', 'not a token at all', 'x'.repeat(500), '\u0000.\u0001.\u0002'])(
    'rejects garbage %j without throwing',
    (garbage) => {
      expect(() => verifyAccessToken(garbage, SECRET, NOW)).not.toThrow();
      expect(verifyAccessToken(garbage, SECRET, NOW)).toBeUndefined();
    },
  );

  it('rejects a correctly signed payload that is not JSON', () => {
    const [header] = signAccessToken(CLAIMS, SECRET).split('.');
    const input = `${header}.${b64('{not json')}`;
    expect(() => verifyAccessToken(`${input}.${hs256(SECRET, input)}`, SECRET, NOW)).not.toThrow();
    expect(verifyAccessToken(`${input}.${hs256(SECRET, input)}`, SECRET, NOW)).toBeUndefined();
  });

  it.each(['sub', 'sid', 'usr', 'iat', 'exp'] as const)('rejects a correctly signed token missing %s', (claim) => {
    const partial: Partial<AccessClaims> = { ...CLAIMS };
    delete partial[claim];
    expect(verifyAccessToken(signAccessToken(partial as AccessClaims, SECRET), SECRET, NOW)).toBeUndefined();
  });

  it('rejects claims of the wrong type', () => {
    const wrong = { ...CLAIMS, exp: String(NOW + 900) } as unknown as AccessClaims;
    expect(verifyAccessToken(signAccessToken(wrong, SECRET), SECRET, NOW)).toBeUndefined();
    const numericSub = { ...CLAIMS, sub: 42 } as unknown as AccessClaims;
    expect(verifyAccessToken(signAccessToken(numericSub, SECRET), SECRET, NOW)).toBeUndefined();
  });

  it('rejects a correctly signed token whose payload is JSON but not an object', () => {
    const header = b64({ alg: 'HS256', typ: 'JWT' });
    for (const payload of ['null', '42', '"text"', '[]']) {
      const input = `${header}.${b64(payload)}`;
      expect(verifyAccessToken(`${input}.${hs256(SECRET, input)}`, SECRET, NOW)).toBeUndefined();
    }
  });
});
