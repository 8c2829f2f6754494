import { FormatParser, formatError, formatOk, FormatResult, ParseContext } from '../../format-parser';
import { parseDeviceTime } from '../device-time';
import { parseJavaDate } from '../java-date-format';
import { leefToEcs } from './leef-ecs';
import { parseLeefRecord } from './leef-record';

const LINE_START = /^\s*LEEF:\d(?:\.\d)?\|/;
const MARKER = /LEEF:\d(?:\.\d)?\|/;

function parseLeef(text: string, context: ParseContext): FormatResult {
  const record = parseLeefRecord(text.trim());
  if (!record) return formatError('malformed LEEF header (needs LEEF:Version|Vendor|Product|Version|EventID|)');
  const attributes: Record<string, string> = {};
  for (const [key, value] of record.attributes) attributes[key] = value;
  const devTime = attributes.devTime;
  const format = attributes.devTimeFormat;
  // Without devTimeFormat, LEEF devTime is "MMM dd yyyy HH:mm:ss" or epoch milliseconds.
  const timestamp = devTime === undefined ? undefined : format ? parseJavaDate(devTime, format, context.timeZone, context.receivedAt) : parseDeviceTime(devTime, context.timeZone, context.receivedAt);
  const fields = leefToEcs(record, attributes, timestamp);
  fields.vendor = {
    leef: {
      version: record.version,
      vendor: record.vendor,
      product: record.product,
      product_version: record.productVersion,
      event_id: record.eventId,
      attributes,
    },
  };
  return formatOk(fields);
}

/** A bare LEEF record. */
export const leefLineParser: FormatParser = {
  format: 'leef',
  matches: (text: string) => LINE_START.test(text),
  parse: parseLeef,
};

/** LEEF inside a syslog message (QRadar's usual transport), from its `LEEF:` marker on. */
export const leefMessageParser: FormatParser = {
  format: 'leef',
  matches: (text: string) => text.includes('LEEF:') && MARKER.test(text),
  parse(text: string, context: ParseContext): FormatResult {
    const at = text.search(MARKER);
    return at < 0 ? formatError('no LEEF:Version| marker in the message') : parseLeef(text.slice(at), context);
  },
};
