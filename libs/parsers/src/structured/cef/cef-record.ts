/** A CEF record split into its seven header fields and its extension pairs, unescaped but untyped. */
export interface CefRecord {
  version: string;
  deviceVendor: string;
  deviceProduct: string;
  deviceVersion: string;
  signatureId: string;
  name: string;
  severity: string;
  /** Extension pairs in their order, keys as written (short or full). */
  extensions: [string, string][];
}

const HEADER_FIELDS = 7;
const VERSION = /^CEF:(\d{1,3})$/;
// A key is a run of word characters (vendors add dots, dashes, brackets) right after a space or the start.
const EXTENSION_KEY = /^[\w.\-[\]]{1,1023}$/;

export type CefHeader = Omit<CefRecord, 'extensions'>;

/** Parses `CEF:Version|Vendor|Product|DeviceVersion|SignatureID|Name|Severity|Extension`; undefined if the header is malformed. */
export function parseCefRecord(text: string): CefRecord | undefined {
  const read = parseCefHeader(text);
  if (!read) return undefined;
  const { header } = read;
  return {
    version: header.version,
    deviceVendor: header.deviceVendor,
    deviceProduct: header.deviceProduct,
    deviceVersion: header.deviceVersion,
    signatureId: header.signatureId,
    name: header.name,
    severity: header.severity,
    extensions: parseExtension(text.slice(read.extensionAt)),
  };
}

/**
 * The seven header fields alone, and where the extension starts: enough to tell whether a `CEF:`
 * marker opens a record without reading its extension.
 */
export function parseCefHeader(text: string): { header: CefHeader; extensionAt: number } | undefined {
  const fields: string[] = [];
  let field = '';
  let from = 0;
  // Next `|` and `\\` at or after `from`, each searched again only once passed: one pass over the text.
  let bar = -1;
  let backslash = -1;
  while (fields.length < HEADER_FIELDS) {
    if (bar < from) bar = text.indexOf('|', from);
    if (bar === -1) return undefined;
    if (backslash < from) backslash = nextOrEnd(text, '\\', from);
    if (backslash < bar) {
      // In the header only `\|` and `\\` are escapes; any other backslash is kept as written.
      const next = text[backslash + 1];
      const escaped = next === '|' || next === '\\';
      field += text.slice(from, escaped ? backslash : backslash + 1) + (escaped ? next : '');
      from = escaped ? backslash + 2 : backslash + 1;
      continue;
    }
    fields.push(field + text.slice(from, bar));
    field = '';
    from = bar + 1;
  }
  const version = VERSION.exec(fields[0]!);
  if (!version) return undefined;
  const [, deviceVendor, deviceProduct, deviceVersion, signatureId, name, severity] = fields as [string, string, string, string, string, string, string];
  return { header: { version: version[1]!, deviceVendor, deviceProduct, deviceVersion, signatureId, name, severity }, extensionAt: from };
}

/** Index of `search` at or after `from`, or the text's length when there is none. */
function nextOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at === -1 ? text.length : at;
}

/**
 * `key=value` pairs separated by spaces; a value runs up to the space before the next unescaped `key=`,
 * so values may hold spaces. `\=`, `\\`, `\n` and `\r` are unescaped.
 */
export function parseExtension(extension: string): [string, string][] {
  const starts: { key: string; keyStart: number; valueStart: number }[] = [];
  for (let i = 0; i < extension.length; i++) {
    if (extension[i] === '\\') {
      i++;
      continue;
    }
    if (extension[i] !== '=') continue;
    const keyStart = Math.max(extension.lastIndexOf(' ', i) + 1, 0);
    const key = extension.slice(keyStart, i);
    if (EXTENSION_KEY.test(key)) starts.push({ key, keyStart, valueStart: i + 1 });
  }
  return starts.map(({ key, valueStart }, n) => {
    const next = starts[n + 1];
    const raw = extension.slice(valueStart, next ? next.keyStart : extension.length);
    return [key, unescapeValue(raw.trim())];
  });
}

const ESCAPES: Record<string, string> = { '\\': '\\', '=': '=', n: '\n', r: '\r', '|': '|' };

function unescapeValue(value: string): string {
  return value.replace(/\\([\\=nr|])/g, (_match, c: string) => ESCAPES[c] ?? c);
}
