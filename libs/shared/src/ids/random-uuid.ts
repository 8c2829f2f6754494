import { randomFillSync } from 'node:crypto';

/** Random bytes for 256 ids, refilled from the operating system's CSPRNG when used up (as randomUUID does). */
const pool = Buffer.alloc(16 * 256);
let used = pool.length;
const HEX = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));
const DASH = '-'.charCodeAt(0);
/** Scratch for the 36 character codes of one id. */
const codes: number[] = new Array<number>(36).fill(0);

/**
 * A random (version 4) UUID, as `crypto.randomUUID()` makes it, written as one flat string. Node's own
 * builds the text from 20 pieces, which is about 650 bytes of garbage per id and a string that must be
 * flattened before it is hashed or compared; ingest makes one per event.
 */
export function randomUuid(): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  let at = 0;
  for (let i = 0; i < 16; i += 1) {
    let byte = pool[used + i]!;
    if (i === 6) byte = (byte & 0x0f) | 0x40; // version 4
    else if (i === 8) byte = (byte & 0x3f) | 0x80; // RFC 4122 variant
    if (i === 4 || i === 6 || i === 8 || i === 10) codes[at++] = DASH;
    codes[at++] = HEX[byte >> 4]!;
    codes[at++] = HEX[byte & 15]!;
  }
  used += 16;
  return String.fromCharCode(...codes);
}
