import { isIP } from 'node:net';
import { EventFields, FormatResult, formatError, formatOk } from '../../format-parser';
import { splitHostPort } from '../shared/network';
import { MONTHS, wallClockToIso } from '../shared/timestamps';
import { errorLogType } from './error-level';

// `[Sun Dec 04 04:47:44 2005] [error] …` (2.2) or `[Tue Sep 30 11:30:13.262255 2014] [core:error] [pid 1] …` (2.4).
// The stamp is optional: lines re-sent without it by collectors still carry the level.
const LINE =
  /^(?:\[[A-Z][a-z]{2} ([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))? (\d{4})\] )?\[(?:([\w-]{0,32}):)?(emerg|alert|crit|error|warn|notice|info|debug|trace[1-8])\] ?(.*)$/s;
const TAG = /\[(pid|client|remote) ([^\]]{1,100})\] ?/y;
const CODE = /^(AH\d{5}): /;
const REFERER = /, referer: (\S+)$/;

export function looksLikeApacheError(text: string): boolean {
  return text.startsWith('[') && LINE.test(text);
}

/** Apache `ErrorLog`: its time has no zone, so it is read in the source's zone. */
export function parseApacheError(text: string, zone: string): FormatResult {
  const m = LINE.exec(text);
  if (!m) return formatError('not an Apache error log line');
  const fields: EventFields = {};
  if (m[1] !== undefined) {
    const month = MONTHS[m[1]] ?? 0;
    const clock = { year: Number(m[7]), month, day: Number(m[2]), hour: Number(m[3]), minute: Number(m[4]), second: Number(m[5]), fraction: m[6] };
    const timestamp = wallClockToIso(clock, undefined, zone);
    if (timestamp === undefined) return formatError(`invalid timestamp ${text.slice(0, text.indexOf(']') + 1)}`);
    fields['@timestamp'] = timestamp;
  }
  const level = m[9]!;
  fields.event = { kind: 'event', category: ['web'], type: errorLogType(level), dataset: 'apache.error', module: 'apache' };
  fields.log = { level };

  let rest = (m[10] ?? '').trimEnd();
  const vendor: Record<string, unknown> = m[8] ? { module: m[8] } : {};
  TAG.lastIndex = 0;
  for (let tag = TAG.exec(rest); tag; tag = TAG.exec(rest)) {
    const value = tag[2]!;
    if (tag[1] === 'pid') readPid(value, fields, vendor);
    else if (tag[1] === 'client') readClient(value, fields, vendor);
    else vendor.remote = value;
    rest = rest.slice(TAG.lastIndex);
    TAG.lastIndex = 0;
  }
  const code = CODE.exec(rest)?.[1];
  if (code !== undefined) fields.event.code = code;
  const referrer = REFERER.exec(rest)?.[1];
  if (referrer !== undefined) fields.http = { request: { referrer } };
  if (rest.length > 0) fields.message = rest;
  if (Object.keys(vendor).length > 0) fields.vendor = { apache: vendor };
  return formatOk(fields);
}

function readPid(value: string, fields: EventFields, vendor: Record<string, unknown>): void {
  const ids = /^(\d{1,10})(?::tid (\d{1,20}))?$/.exec(value);
  if (!ids) return;
  fields.process = { pid: Number(ids[1]) };
  if (ids[2] !== undefined) vendor.tid = ids[2];
}

function readClient(value: string, fields: EventFields, vendor: Record<string, unknown>): void {
  const { host, port: clientPort } = splitHostPort(value);
  if (isIP(host) === 0) {
    vendor.client = value;
    return;
  }
  fields.source = { address: host, ip: host, ...(clientPort === undefined ? {} : { port: clientPort }) };
}
