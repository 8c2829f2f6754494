import { scalarText } from './json-value';

/** Keywords as hex text; NXLog writes the 64-bit mask as a signed decimal (`-9218868437227405312`). */
export function keywordsHex(value: unknown): string | undefined {
  const text = scalarText(value)?.trim();
  if (text === undefined) return undefined;
  if (/^0x[0-9a-f]{1,16}$/i.test(text)) return text.toLowerCase();
  if (!/^-?\d{1,20}$/.test(text)) return undefined;
  return `0x${BigInt.asUintN(64, BigInt(text)).toString(16).padStart(16, '0')}`;
}
