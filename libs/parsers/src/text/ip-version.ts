import { isIP } from 'node:net';

const DOT = 46;
const ZERO = 48;
const NINE = 57;

/**
 * `net.isIP(text)`: 4, 6 or 0. Dotted IPv4 — most addresses in logs — is checked here, by the same rule as
 * Node's (four decimal parts of 0–255 without leading zeros); anything else goes to `isIP`, whose
 * expressions cost more than the rest of an sshd line's parse.
 */
export function ipVersion(text: string): 0 | 4 | 6 {
  const length = text.length;
  if (length >= 7 && length <= 15) {
    let parts = 0;
    let at = 0;
    while (at <= length) {
      let value = 0;
      let digits = 0;
      while (at < length) {
        const code = text.charCodeAt(at);
        if (code < ZERO || code > NINE) break;
        value = value * 10 + (code - ZERO);
        digits += 1;
        at += 1;
      }
      const leadingZero = digits > 1 && text.charCodeAt(at - digits) === ZERO;
      if (digits === 0 || digits > 3 || value > 255 || leadingZero) break;
      parts += 1;
      if (at === length) return parts === 4 ? 4 : 0;
      if (text.charCodeAt(at) !== DOT || parts === 4) break;
      at += 1;
    }
  }
  return isIP(text) as 0 | 4 | 6;
}
