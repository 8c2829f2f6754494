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

/** Parses `CEF:Version|Vendor|Product|DeviceVersion|SignatureID|Name|Severity|Extension`; undefined if the header is malformed. */
export function parseCefRecord(text: string): CefRecord | undefined {
  const header: string[] = [];
  let field = '';
  let at = 0;
  for (; at < text.length && header.length < HEADER_FIELDS; at++) {
    const c = text[at]!;
    // In the header only `\|` and `\\` are escapes; any other backslash is kept as written.
    if (c === '\\' && (text[at + 1] === '|' || text[at + 1] === '\\')) {
      field += text[at + 1];
      at++;
    } else if (c === '|') {
      header.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  if (header.length < HEADER_FIELDS) return undefined;
  const version = VERSION.exec(header[0]!);
  if (!version) return undefined;
  const [, deviceVendor, deviceProduct, deviceVersion, signatureId, name, severity] = header as [string, string, string, string, string, string, string];
  return { version: version[1]!, deviceVendor, deviceProduct, deviceVersion, signatureId, name, severity, extensions: parseExtension(text.slice(at)) };
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
