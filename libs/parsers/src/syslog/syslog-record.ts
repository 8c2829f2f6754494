import { instantWithoutYear } from '../time/zoned-time';
import { readBsdStamp, readHostAndTag } from './bsd-header';
import { parseRfc5424 } from './rfc5424';
import { StructuredData } from './structured-data';

/** The header fields of a BSD (RFC 3164), RFC 3339-stamped or RFC 5424 syslog line, and its message. */
export interface SyslogRecord {
  timestamp: Date;
  priority?: number;
  host?: string;
  app?: string;
  pid?: number;
  /** RFC 5424 only: MSGID, and STRUCTURED-DATA by SD-ID then PARAM-NAME. */
  msgId?: string;
  structuredData?: StructuredData;
  message: string;
}

export interface SyslogContext {
  /** Zone for timestamps that carry none (the source's configured zone). */
  timeZone: string;
  receivedAt: Date;
}

/** The three (ASCII) letters of a month name at `at`, as one number: a different number for each name. */
const monthKey = (text: string, at: number): number => (text.charCodeAt(at) << 16) | (text.charCodeAt(at + 1) << 8) | text.charCodeAt(at + 2);
// Keyed by the letters' codes: a number is its own hash, where a freshly matched name would be hashed first.
const MONTHS = new Map<number, number>(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map((name, i) => [monthKey(name, 0), i + 1]));

// <PRI>? then "Mmm dd hh:mm:ss" (day space-padded; bsd-header.ts) or an RFC 3339 timestamp, then host and tag.
const PRIORITY = /^<(\d{1,3})>/;
const RFC3339_STAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})) /;
// Some relays (seen in Wazuh's sshd tests) write "2020-03-23 06:47:42.801612-0700" followed by two spaces.
const SPACED_ISO_STAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?)([+-]\d{2})(\d{2}) +/;

const LESS_THAN = '<'.charCodeAt(0);
const SPACE = ' '.charCodeAt(0);

export function parseSyslogLine(line: string, context: SyslogContext): SyslogRecord | undefined {
  // Where the part being read starts: the header is read in the line itself, not in slices of it.
  let at = 0;
  let priority: number | undefined;
  // Most lines carry no <PRI>: the first character tells without running the regex.
  const pri = line.charCodeAt(0) === LESS_THAN ? PRIORITY.exec(line) : null;
  if (pri) {
    priority = Number(pri[1]);
    if (priority > 191) return undefined;
    at = pri[0].length;
    if (line.startsWith('1 ', at)) return fromRfc5424(line.slice(at), priority, context);
    // Some senders put a space after <PRI> (tenzir's syslog-rfc3164 sample): "<34> Nov 16 14:55:56 …".
    if (line.charCodeAt(at) === SPACE && readBsdStamp(line, at + 1)) at += 1;
  }

  let timestamp: Date | undefined;
  const bsd = readBsdStamp(line, at);
  if (bsd) {
    const month = MONTHS.get(monthKey(line, bsd.monthAt));
    const { day, hour, minute, second } = bsd;
    if (!month || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
    const millisecond = bsd.fraction ? Math.floor(Number(`0.${bsd.fraction}`) * 1000) : 0;
    timestamp = instantWithoutYear({ month, day, hour, minute, second, millisecond }, context.timeZone, context.receivedAt);
    at = bsd.end;
  } else {
    const rest = line.slice(at);
    const iso = RFC3339_STAMP.exec(rest);
    const spaced = iso ? undefined : SPACED_ISO_STAMP.exec(rest);
    if (iso) timestamp = new Date(iso[1]!);
    else if (spaced) timestamp = new Date(`${spaced[1]}T${spaced[2]}${spaced[3]}:${spaced[4]}`);
    else return undefined;
    if (Number.isNaN(timestamp.getTime())) return undefined;
    at += (iso ?? spaced)![0].length;
  }

  // The tag may carry a version after a space, as old sysklogd writes it ("syslogd 1.4.1: restart.").
  const tagged = readHostAndTag(line, at);
  if (!tagged) return { timestamp, priority, message: line.slice(at) };
  return { timestamp, priority, host: tagged.host, app: tagged.app, pid: tagged.pid, message: tagged.message };
}

function fromRfc5424(rest: string, priority: number, context: SyslogContext): SyslogRecord | undefined {
  const fields = parseRfc5424(rest);
  if (!fields) return undefined;
  const record: SyslogRecord = { timestamp: fields.timestamp ?? context.receivedAt, priority, message: fields.message };
  if (fields.host !== undefined) record.host = fields.host;
  if (fields.app !== undefined) record.app = fields.app;
  if (fields.pid !== undefined) record.pid = fields.pid;
  if (fields.msgId !== undefined) record.msgId = fields.msgId;
  if (fields.structuredData !== undefined) record.structuredData = fields.structuredData;
  return record;
}
