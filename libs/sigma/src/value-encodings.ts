import type { Encoding } from './modifier-chain';
import { isPlain, literalPattern, mapLiterals, PatternToken, plainText, SigmaPattern } from './sigma-pattern';
import { unsupported } from './sigma-reason';

/**
 * The transformation modifiers: they rewrite a rule's literal text into the form it takes in the
 * log (UTF-16 bytes, Base64 text, any of the dash characters). A literal is a JS string; after a
 * UTF-16 modifier each character stands for one byte (`binary`), which Base64 must encode as such.
 */
export interface EncodedLiteral {
  text: string;
  binary: boolean;
}

export type Utf16Variant = 'utf16le' | 'utf16be' | 'utf16';

export function utf16(literal: EncodedLiteral, variant: Utf16Variant): EncodedLiteral {
  const bytes = Buffer.from(literal.text, 'utf16le');
  if (variant === 'utf16be') bytes.swap16();
  // utf16: little-endian behind a byte order mark, as Windows writes it.
  const text = (variant === 'utf16' ? '\xff\xfe' : '') + bytes.toString('latin1');
  return { text, binary: true };
}

const bytesOf = (literal: EncodedLiteral) => Buffer.from(literal.text, literal.binary ? 'latin1' : 'utf8');

export function base64(literal: EncodedLiteral): EncodedLiteral {
  return { text: bytesOf(literal).toString('base64'), binary: false };
}

/**
 * The three Base64 forms of a value found at byte offset 0, 1 or 2 of a longer encoded text: the
 * characters that depend on the unknown neighbouring bytes are cut off both ends, which leaves the
 * part that is the same wherever in the text the value sits.
 */
export function base64Offsets(literal: EncodedLiteral): EncodedLiteral[] {
  const bytes = bytesOf(literal);
  const variants: EncodedLiteral[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    // Each leading padding byte spoils the characters that encode it; the tail is spoiled by the
    // bytes after the value, which share its last group of three.
    const start = [0, 2, 3][shift]!;
    const tailBytes = (bytes.length + shift) % 3;
    const end = encoded.length - [0, 3, 2][tailBytes]!;
    variants.push({ text: encoded.slice(start, end), binary: false });
  }
  return variants;
}

/** Windows accepts `-`, `/` and the Unicode dashes interchangeably in front of command-line flags. */
export const WINDASH_CHARACTERS = '-/\u2013\u2014\u2015';

export function windash(literal: string): PatternToken[] {
  const tokens: PatternToken[] = [];
  let run = '';
  for (const char of literal) {
    if (WINDASH_CHARACTERS.includes(char)) {
      tokens.push(run, { choice: WINDASH_CHARACTERS });
      run = '';
    } else {
      run += char;
    }
  }
  tokens.push(run);
  return tokens;
}

/**
 * Applies the encoding modifiers in rule order to a value's literal parts (one value may become
 * several: base64offset). Base64 of a value with wildcards has no meaning, so it is a reason.
 */
export function encodePattern(pattern: SigmaPattern, encodings: readonly Encoding[], expected: string): SigmaPattern[] {
  let variants: Array<{ pattern: SigmaPattern; binary: boolean }> = [{ pattern, binary: false }];
  for (const encoding of encodings) {
    variants = variants.flatMap(({ pattern: p, binary }) => {
      if (encoding === 'windash') return [{ pattern: mapLiterals(p, windash), binary }];
      if (encoding === 'utf16le' || encoding === 'utf16be' || encoding === 'utf16') {
        if (!isPlain(p) && encoding === 'utf16') throw unsupported('invalid-value', `'${encoding}' of a value with wildcards ('${expected}')`);
        return [{ pattern: mapLiterals(p, (literal) => [utf16({ text: literal, binary }, encoding).text]), binary: true }];
      }
      const text = plainText(p);
      if (text === undefined) throw unsupported('invalid-value', `'${encoding}' of a value with wildcards ('${expected}')`);
      const literal: EncodedLiteral = { text, binary };
      const encoded = encoding === 'base64' ? [base64(literal)] : base64Offsets(literal);
      return encoded.map((e) => ({ pattern: literalPattern(e.text), binary: false }));
    });
  }
  return variants.map((v) => v.pattern);
}
