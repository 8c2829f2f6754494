/** A LEEF 1.0 or 2.0 record: header fields and attributes in their order, values as written. */
export interface LeefRecord {
  version: string;
  vendor: string;
  product: string;
  productVersion: string;
  eventId: string;
  /** The attribute delimiter: tab in LEEF 1.0 and by default in 2.0. */
  delimiter: string;
  attributes: [string, string][];
}

const VERSION = /^LEEF:(\d(?:\.\d)?)$/;
// LEEF 2.0 names its delimiter as one character, or in hex as `xHH`/`0xHH` (x09 = tab).
const HEX_DELIMITER = /^(?:0?x)([0-9A-Fa-f]{2,4})$/i;

export function parseLeefRecord(text: string): LeefRecord | undefined {
  const parts = text.split('|');
  const [versionField, vendor, product, productVersion, eventId] = parts;
  const version = VERSION.exec(versionField ?? '');
  if (!version || vendor === undefined || product === undefined || productVersion === undefined || eventId === undefined || parts.length < 6) return undefined;
  let rest = parts.slice(5).join('|');
  let delimiter = '\t';
  if (version[1]!.startsWith('2')) {
    const field = parts[5]!;
    // The delimiter field may be left out ("…|EventID|key=value…"): the attributes then follow at once.
    if (parts.length > 6 && !field.includes('=')) {
      const named = readDelimiter(field);
      if (named === undefined) return undefined;
      delimiter = named;
      rest = parts.slice(6).join('|');
    }
  }
  // Some senders write the tab delimiter as the two characters "\t".
  if (delimiter === '\t' && !rest.includes('\t') && rest.includes('\\t')) rest = rest.replace(/\\t/g, '\t');
  return { version: version[1]!, vendor, product, productVersion, eventId, delimiter, attributes: splitAttributes(rest, delimiter) };
}

function readDelimiter(field: string): string | undefined {
  if (field.length === 1) return field;
  const hex = HEX_DELIMITER.exec(field);
  return hex ? String.fromCharCode(parseInt(hex[1]!, 16)) : undefined;
}

function splitAttributes(text: string, delimiter: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const part of text.split(delimiter)) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    pairs.push([part.slice(0, at).trim(), part.slice(at + 1)]);
  }
  return pairs;
}
