import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh high-entropy secret (API keys, refresh secrets): 32 random bytes, URL-safe. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/**
 * API keys and refresh secrets carry 256 random bits, so a fast hash is enough to store them:
 * unlike passwords they cannot be guessed from a dictionary.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

export const API_KEY_PREFIX = 'soc_';
