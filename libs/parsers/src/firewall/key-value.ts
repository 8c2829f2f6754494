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
  // Tabs are rare: without one, the next separator is found by indexOf, far faster than a loop.
  const hasTab = text.includes('\t');
  let i = 0;
  while (i < text.length) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (i >= text.length) break;
    const eq = text.indexOf('=', i);
    const space = indexOfSpace(text, i, hasTab);
    if (eq === -1 || (space !== -1 && space < eq)) {
      const end = space === -1 ? text.length : space;
      if (lastKey === undefined || lastQuoted) return { ok: false, reason: `unexpected bare word at offset ${i}` };
      pairs.set(lastKey, `${pairs.get(lastKey) ?? ''} ${text.slice(i, end)}`);
      i = end;
      continue;
    }
    const key = text.slice(i, eq);
    if (!KEY.test(key)) return { ok: false, reason: `invalid key ${JSON.stringify(key.slice(0, 40))}` };
    const value = readValue(text, eq + 1, hasTab);
    if (!value) return { ok: false, reason: `unterminated quoted value for ${key}` };
    pairs.set(key, value.value);
    lastKey = key;
    lastQuoted = value.quoted;
    i = value.end;
  }
  return pairs.size === 0 ? { ok: false, reason: 'no key=value pairs' } : { ok: true, pairs };
}

function indexOfSpace(text: string, from: number, hasTab: boolean): number {
  if (!hasTab) return text.indexOf(' ', from);
  for (let i = from; i < text.length; i++) if (text[i] === ' ' || text[i] === '\t') return i;
  return -1;
}

function readValue(text: string, start: number, hasTab: boolean): { value: string; end: number; quoted: boolean } | undefined {
  if (text[start] !== '"') {
    const space = indexOfSpace(text, start, hasTab);
    const end = space === -1 ? text.length : space;
    return { value: text.slice(start, end), end, quoted: false };
  }
  // A backslash takes the next character as written; the first quote not so taken closes the value.
  // Runs between escapes are copied whole (a record holds dozens of quoted values).
  let value = '';
  let from = start + 1;
  // Each of the two is searched again only once passed, so a value full of escapes is still one pass.
  let quote = -1;
  let backslash = -1;
  for (;;) {
    if (quote < from) quote = text.indexOf('"', from);
    if (quote === -1) return undefined;
    if (backslash < from) backslash = text.indexOf('\\', from);
    if (backslash === -1 || backslash > quote) return { value: value + text.slice(from, quote), end: quote + 1, quoted: true };
    value += text.slice(from, backslash) + text[backslash + 1];
    from = backslash + 2;
  }
}
