/** RFC 5424 STRUCTURED-DATA: `-`, or `[SD-ID PARAM="value" ...]` repeated with no space between elements. */
export type StructuredData = Record<string, Record<string, string>>;

const SD_NAME = /^[^\s="\]]{1,32}/;

/** Reads the structured data at the start of `text`; returns it and what follows, or undefined if malformed. */
export function readStructuredData(text: string): { data?: StructuredData; rest: string } | undefined {
  if (text === '-' || text.startsWith('- ')) return { rest: text.slice(2) };
  if (!text.startsWith('[')) return undefined;
  // Maps, not object literals: SD-IDs and names come off the network ("__proto__" must stay a plain key).
  const data = new Map<string, Map<string, string>>();
  let at = 0;
  while (text[at] === '[') {
    const id = SD_NAME.exec(text.slice(at + 1));
    if (!id) return undefined;
    const params = data.get(id[0]) ?? new Map<string, string>();
    at += 1 + id[0].length;
    while (text[at] === ' ') {
      const name = SD_NAME.exec(text.slice(at + 1));
      if (!name || text[at + 1 + name[0].length] !== '=' || text[at + 2 + name[0].length] !== '"') return undefined;
      const value = readQuoted(text, at + 3 + name[0].length);
      if (!value) return undefined;
      params.set(name[0], value.value);
      at = value.end;
    }
    if (text[at] !== ']') return undefined;
    data.set(id[0], params);
    at += 1;
  }
  if (at < text.length && text[at] !== ' ') return undefined;
  const record = Object.fromEntries([...data].map(([id, params]) => [id, Object.fromEntries(params)]));
  return { data: record, rest: text.slice(at + 1) };
}

// Inside PARAM-VALUE only `"`, `\` and `]` are escaped; a backslash before anything else is kept as written.
function readQuoted(text: string, start: number): { value: string; end: number } | undefined {
  let value = '';
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') return { value, end: i + 1 };
    if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\' || text[i + 1] === ']')) {
      value += text[i + 1];
      i++;
    } else {
      value += c;
    }
  }
  return undefined;
}
