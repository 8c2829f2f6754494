import { isIP } from 'node:net';
import { MONTHS, offsetMinutes, wallClockToIso } from '../shared/timestamps';
import { readQuoted } from './quoted';

/** The fields of a Common/Combined access log line (Apache `%h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-agent}i"`, nginx `combined`). */
export interface AccessRecord {
  /** `%v:%p` of the vhost_combined format. */
  vhost?: string;
  client: string;
  ident?: string;
  user?: string;
  /** Further addresses some formats log before the user (X-Forwarded-For, proxy). */
  forwardedFor?: string[];
  timestamp: string;
  request: string;
  status: number;
  bytes?: number;
  referrer?: string;
  userAgent?: string;
  /** Fields some formats append after the user agent (forwarded-for, request id, timings). */
  extra?: string[];
}

export type AccessParse = { ok: true; record: AccessRecord } | { ok: false; reason: string };

// Each part is anchored and separated by characters it cannot contain, so matching stays linear.
const SHAPE = /^[^\s"[\]]+(?: [^\s"[\]]+){0,3} \[\d{1,2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2}[^\]]{0,16}\] "/;
const TIME = /\[(\d{1,2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?: ([+-]\d{2}:?\d{2}))?\] "/y;
const STATUS_AND_SIZE = / (\d{3}) (\d{1,15}|-)(?= |$)/y;
const QUOTE_STATUS_AND_SIZE = /" (\d{3}) (\d{1,15}|-)(?= |$)/g;
const VHOST = /^[^\s:]+:\d{1,5}$/;
const MAX_PREFIX = 1024;
/** `client ident user`, plus a vhost or a forwarded address: more tokens is some other format (a syslog header). */
const MAX_HOST_TOKENS = 4;

/** Cheap structural test: up to four host tokens, a bracketed `dd/Mon/yyyy:hh:mm:ss` stamp, then a quoted request. */
export function looksLikeAccessLine(text: string): boolean {
  // SHAPE needs ` [` before the stamp; most other lines have none.
  return text.includes(' [') && SHAPE.test(text);
}

export function parseAccessLine(line: string, zone: string): AccessParse {
  let open = line.indexOf(' [');
  let time: RegExpExecArray | null = null;
  while (open > 0 && open < MAX_PREFIX) {
    TIME.lastIndex = open + 1;
    time = TIME.exec(line);
    if (time) break;
    open = line.indexOf(' [', open + 1);
  }
  if (!time) return { ok: false, reason: 'no [dd/Mon/yyyy:hh:mm:ss zone] timestamp followed by a quoted request' };

  const timestamp = readTime(time, zone);
  if (timestamp === undefined) return { ok: false, reason: `invalid timestamp ${time[0].slice(0, -2)}` };

  const tokens = line.slice(0, open).split(' ').filter((t) => t.length > 0);
  if (tokens.length > MAX_HOST_TOKENS) return { ok: false, reason: `${tokens.length} fields before the timestamp, at most ${MAX_HOST_TOKENS} expected` };
  const record: Omit<AccessRecord, 'request' | 'status'> = { timestamp, ...readHostTokens(tokens) };

  const requestStart = TIME.lastIndex - 1;
  let request = readQuoted(line, requestStart);
  STATUS_AND_SIZE.lastIndex = request.end;
  let statusAndSize = request.closed ? STATUS_AND_SIZE.exec(line) : null;
  if (!statusAndSize) {
    // Old servers logged quotes inside the request unescaped: the request ends at the first `" status size`.
    QUOTE_STATUS_AND_SIZE.lastIndex = requestStart + 1;
    const fallback = QUOTE_STATUS_AND_SIZE.exec(line);
    if (!fallback) return { ok: false, reason: 'no status and size after the quoted request' };
    request = { value: line.slice(requestStart + 1, fallback.index), end: fallback.index + 1, closed: true };
    statusAndSize = fallback;
  }

  const trailing = readTrailingFields(line, statusAndSize.index + statusAndSize[0].length);
  const [referrer, userAgent, ...extra] = trailing;
  // Completed member by member rather than as `{ ...record, request, … }` (see plain-object.ts).
  const complete = record as AccessRecord;
  complete.request = request.value;
  complete.status = Number(statusAndSize[1]);
  if (statusAndSize[2] !== '-') complete.bytes = Number(statusAndSize[2]);
  if (present(referrer)) complete.referrer = referrer;
  if (present(userAgent)) complete.userAgent = userAgent;
  if (extra.length > 0) complete.extra = extra;
  return { ok: true, record: complete };
}

// Busy servers write thousands of lines per second with the same stamp; converting it is the costliest step.
let lastStamp: { text: string; zone: string; iso: string | undefined } = { text: '', zone: '', iso: undefined };

function readTime(m: RegExpExecArray, zone: string): string | undefined {
  if (m[0] === lastStamp.text && zone === lastStamp.zone) return lastStamp.iso;
  const iso = convertTime(m, zone);
  lastStamp = { text: m[0], zone, iso };
  return iso;
}

function convertTime(m: RegExpExecArray, zone: string): string | undefined {
  const month = MONTHS[m[2]!];
  if (month === undefined) return undefined;
  const offset = offsetMinutes(m[8]);
  const clock = { year: Number(m[3]), month, day: Number(m[1]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]), fraction: m[7] };
  return wallClockToIso(clock, offset, zone);
}

/** `client ident user`, optionally after a `vhost:port`, optionally with forwarded addresses between client and user. */
function readHostTokens(tokens: string[]): Pick<AccessRecord, 'vhost' | 'client' | 'ident' | 'user' | 'forwardedFor'> {
  let rest = tokens;
  let vhost: string | undefined;
  if (rest.length >= 4 && isIP(rest[0]!) === 0 && (VHOST.test(rest[0]!) || isIP(rest[1]!) !== 0)) {
    vhost = rest[0];
    rest = rest.slice(1);
  }
  const client = rest[0] ?? '-';
  const user = rest.length >= 2 ? rest[rest.length - 1] : undefined;
  const middle = rest.slice(1, -1).filter(present);
  const forwardedFor = middle.filter((t) => isIP(t) !== 0);
  const others = middle.filter((t) => isIP(t) === 0);
  const ident = others.length === 1 ? others[0] : undefined;
  return {
    client,
    ...(vhost === undefined ? {} : { vhost }),
    ...(ident === undefined ? {} : { ident }),
    ...(present(user) ? { user } : {}),
    ...(forwardedFor.length > 0 ? { forwardedFor } : {}),
  };
}

/** Quoted or bare fields after the size; a last quote left open (truncated line) still yields its text. */
function readTrailingFields(line: string, from: number): string[] {
  const fields: string[] = [];
  let i = from;
  while (i < line.length) {
    if (line.charCodeAt(i) === 0x20 || line.charCodeAt(i) === 0x09) {
      i++;
      continue;
    }
    if (line.charCodeAt(i) === 0x22) {
      const quoted = readQuoted(line, i);
      fields.push(quoted.value);
      i = quoted.end;
    } else {
      const space = line.indexOf(' ', i);
      const end = space < 0 ? line.length : space;
      fields.push(line.slice(i, end));
      i = end;
    }
  }
  return fields;
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.length > 0 && value !== '-';
}
