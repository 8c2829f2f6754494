import { FormatParser, formatError, formatOk, FormatResult, ParseContext } from '../../format-parser';
import { readZone } from '../device-time';
import { cefToEcs } from './cef-ecs';
import { typedExtensions } from './cef-extensions';
import { parseCefHeader, parseCefRecord } from './cef-record';

const LINE_START = /^\s*CEF:\d{1,3}\|/;
const MARKER = /CEF:\d{1,3}\|/g;
// "host CEF:0|…" with no program name makes the syslog tag "CEF" and the message "0|…".
const TAG_REMAINDER = /^\d{1,3}\|/;

function parseCef(text: string, context: ParseContext): FormatResult {
  const record = parseCefRecord(text.trimStart());
  if (!record) return formatError('malformed CEF header (needs CEF:Version and 7 |-separated fields)');
  const zone = (record.extensions.find(([key]) => key === 'dtz' || key === 'deviceTimeZone')?.[1] ?? '').trim();
  const deviceZone = zone === '' ? undefined : readZone(zone);
  const extensions = typedExtensions(record.extensions, deviceZone ?? context.timeZone, context.receivedAt);
  const fields = cefToEcs(record, extensions);
  fields.vendor = {
    cef: {
      version: record.version,
      device: { vendor: record.deviceVendor, product: record.deviceProduct, version: record.deviceVersion, event_class_id: record.signatureId },
      name: record.name,
      severity: record.severity,
      extensions,
    },
  };
  return formatOk(fields);
}

/** A bare CEF record, as sent over HTTP or Kafka or read from a file. */
export const cefLineParser: FormatParser = {
  format: 'cef',
  matches: (text: string) => LINE_START.test(text),
  parse: parseCef,
};

/** CEF inside a syslog message, possibly after a vendor prefix ("ASM:CEF:0|…", "cef: CEF:0|…"). */
export const cefMessageParser: FormatParser = {
  format: 'cef',
  // Without the marker (or the `CEF` tag) there is nothing to look for: most messages stop here.
  matches: (text: string, app?: string) => (app === 'CEF' || text.includes('CEF:')) && cefStart(text, app) !== undefined,
  parse(text: string, context: ParseContext): FormatResult {
    const start = cefStart(text, context.app);
    if (start === undefined) return formatError('no CEF:Version| marker in the message');
    return parseCef(start, context);
  },
};

/** The record from its `CEF:` marker on; the first marker that begins a well-formed header wins. */
function cefStart(text: string, app?: string): string | undefined {
  if (app === 'CEF' && TAG_REMAINDER.test(text)) return `CEF:${text}`;
  for (const match of text.matchAll(MARKER)) {
    const candidate = text.slice(match.index);
    // Only the header decides (the extension never makes a record malformed), so only it is read.
    const record = parseCefHeader(candidate)?.header;
    // A later marker inside this header ("CEF:0| then CEF:0|Acme|…") means this one was junk.
    const headerHoldsMarker = record && [record.deviceVendor, record.deviceProduct, record.deviceVersion, record.signatureId, record.name, record.severity].some((f) => /CEF:\d{1,3}$/.test(f));
    if (record && !headerHoldsMarker) return candidate;
  }
  return undefined;
}
