/** The pairs of a `key=value key="quoted value"` record, in order, or why it could not be read. */
export type KeyValueResult = { ok: true; pairs: Map<string, string> } | { ok: false; reason: string };

const KEY = /^[A-Za-z_][\w.-]{0,63}$/;

/**
 * Splits a key=value record. Later duplicates win. A bare word (no `=`) continues the previous
 * unquoted value, because old FortiOS writes values such as `time=10: 13:03` with a space inside.
 */
export function parseKeyValues(text: string): KeyValueResult {
  const pairs = new Map<string, string>();
  let lastKey: string | undefined;
  let lastQuoted = false;
  let i = 0;
  while (i < text.length) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (i >= text.length) break;
    const eq = text.indexOf('=', i);
    const space = indexOfSpace(text, i);
    if (eq === -1 || (space !== -1 && space < eq)) {
      const end = space === -1 ? text.length : space;
      if (lastKey === undefined || lastQuoted) return { ok: false, reason: `unexpected bare word at offset ${i}` };
      pairs.set(lastKey, `${pairs.get(lastKey) ?? ''} ${text.slice(i, end)}`);
      i = end;
      continue;
    }
    const key = text.slice(i, eq);
    if (!KEY.test(key)) return { ok: false, reason: `invalid key ${JSON.stringify(key.slice(0, 40))}` };
    const value = readValue(text, eq + 1);
    if (!value) return { ok: false, reason: `unterminated quoted value for ${key}` };
    pairs.set(key, value.value);
    lastKey = key;
    lastQuoted = value.quoted;
    i = value.end;
  }
  return pairs.size === 0 ? { ok: false, reason: 'no key=value pairs' } : { ok: true, pairs };
}

function indexOfSpace(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (text[i] === ' ' || text[i] === '\t') return i;
  return -1;
}

function readValue(text: string, start: number): { value: string; end: number; quoted: boolean } | undefined {
  if (text[start] !== '"') {
    const space = indexOfSpace(text, start);
    const end = space === -1 ? text.length : space;
    return { value: text.slice(start, end), end, quoted: false };
  }
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      value += text[i + 1];
      i++;
    } else if (c === '"') {
      return { value, end: i + 1, quoted: true };
    } else {
      value += c;
    }
  }
  return undefined;
}
