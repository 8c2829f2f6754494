import { isIP } from 'node:net';

/** A dotted IPv4 address by Node's rule: four decimal parts of 0–255 without leading zeros. */
const DOTTED_V4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/**
 * `net.isIP(text)`: 4, 6 or 0. Dotted IPv4 — most addresses in logs — is checked here first: `isIP`'s
 * expressions cost more than the rest of an sshd line's parse. (An expression, not a walk over the
 * characters: an address is mostly a slice of its line, whose characters JavaScript reads slowly.)
 */
export function ipVersion(text: string): 0 | 4 | 6 {
  return DOTTED_V4.test(text) ? 4 : (isIP(text) as 0 | 4 | 6);
}
