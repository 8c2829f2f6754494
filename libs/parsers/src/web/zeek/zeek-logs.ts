import { EventFields } from '../../format-parser';
import { JsonObject, count, num, str, strings } from '../shared/json-value';
import { setTls } from '../shared/tls';
import { urlFields } from '../shared/url';

/** ECS fields of the log-specific columns, by Zeek log path. */
export function applyLogFields(path: string | undefined, record: JsonObject, fields: EventFields): void {
  switch (path) {
    case 'conn':
      return connFields(record, fields);
    case 'dns':
      return dnsFields(record, fields);
    case 'http':
      return httpFields(record, fields);
    case 'ssl':
      return sslFields(record, fields);
    case 'ssh':
      return sshFields(record, fields);
    case 'notice':
      return noticeFields(record, fields);
    case 'files':
      return filesFields(record, fields);
    default:
      return;
  }
}

type Http = NonNullable<EventFields['http']>;

function connFields(record: JsonObject, fields: EventFields): void {
  const origBytes = count(record.orig_bytes);
  const respBytes = count(record.resp_bytes);
  const origPackets = count(record.orig_pkts);
  const respPackets = count(record.resp_pkts);
  // Objects in this file are built member by member, not with spread literals (see plain-object.ts).
  if (fields.source) fields.source = Object.assign({}, fields.source, counters(origBytes, origPackets));
  if (fields.destination) fields.destination = Object.assign({}, fields.destination, counters(respBytes, respPackets));
  const bytes = sum(origBytes, respBytes);
  const packets = sum(origPackets, respPackets);
  if (bytes !== undefined || packets !== undefined) fields.network = Object.assign({}, fields.network, counters(bytes, packets));
}

function dnsFields(record: JsonObject, fields: EventFields): void {
  const name = str(record.query);
  const type = str(record.qtype_name);
  const rcode = str(record.rcode_name);
  const dnsSection: NonNullable<EventFields['dns']> = {};
  if (name !== undefined || type !== undefined) {
    const question: NonNullable<NonNullable<EventFields['dns']>['question']> = {};
    if (name !== undefined) question.name = name;
    if (type !== undefined) question.type = type;
    dnsSection.question = question;
  }
  if (rcode !== undefined) dnsSection.response_code = rcode;
  if (Object.keys(dnsSection).length > 0) fields.dns = dnsSection;
}

function httpFields(record: JsonObject, fields: EventFields): void {
  const method = str(record.method);
  const uri = str(record.uri);
  const host = str(record.host);
  if (uri !== undefined) {
    fields.url = urlFields(uri, method);
    if (host !== undefined && fields.url.domain === undefined) fields.url.domain = host;
  }
  const referrer = str(record.referrer);
  const requestBytes = count(record.request_body_len);
  const status = count(record.status_code);
  const responseBytes = count(record.response_body_len);
  const version = str(record.version);
  const request: NonNullable<Http['request']> = {};
  if (method !== undefined) request.method = method;
  if (referrer !== undefined) request.referrer = referrer;
  if (requestBytes !== undefined) request.bytes = requestBytes;
  const response: NonNullable<Http['response']> = {};
  if (status !== undefined) response.status_code = status;
  if (responseBytes !== undefined) response.bytes = responseBytes;
  const httpSection: Http = {};
  if (Object.keys(request).length > 0) httpSection.request = request;
  if (Object.keys(response).length > 0) httpSection.response = response;
  if (version !== undefined) httpSection.version = version;
  if (Object.keys(httpSection).length > 0) fields.http = httpSection;
  const agent = str(record.user_agent);
  if (agent !== undefined) fields.user_agent = { original: agent };
  if (status !== undefined) fields.event = Object.assign({}, fields.event, { outcome: status < 400 ? ('success' as const) : ('failure' as const) });
}

function sslFields(record: JsonObject, fields: EventFields): void {
  const serverName = str(record.server_name);
  const ja3 = str(record.ja3);
  const ja3s = str(record.ja3s);
  const subject = str(record.subject);
  // Zeek writes `TLSv12`, `TLSv13`; ECS wants `1.2`. SSLv3 and DTLS keep no ECS version.
  const digits = /^TLSv(\d)(\d)$/.exec(str(record.version) ?? '');
  setTls(fields, { version: digits ? `${digits[1]}.${digits[2]}` : undefined, serverName, ja3, ja3s, subject });
}

function sshFields(record: JsonObject, fields: EventFields): void {
  if (typeof record.auth_success === 'boolean') {
    fields.event = Object.assign({}, fields.event, { category: ['network', 'authentication'], outcome: record.auth_success ? ('success' as const) : ('failure' as const) });
  }
}

function noticeFields(record: JsonObject, fields: EventFields): void {
  const note = str(record.note);
  const msg = str(record.msg);
  const event: NonNullable<EventFields['event']> = Object.assign({}, fields.event, { kind: 'alert' as const, category: ['intrusion_detection'], type: ['info'] });
  if (note !== undefined) event.action = note;
  fields.event = event;
  if (note !== undefined) fields.rule = { name: note };
  if (msg !== undefined) fields.message = msg;
}

function filesFields(record: JsonObject, fields: EventFields): void {
  const name = str(record.filename);
  const hash: Record<string, string> = {};
  for (const algorithm of ['md5', 'sha1', 'sha256']) {
    const value = str(record[algorithm]);
    if (value !== undefined) hash[algorithm] = value;
  }
  if (name !== undefined || Object.keys(hash).length > 0) {
    const file: NonNullable<EventFields['file']> = {};
    if (name !== undefined) file.name = name;
    if (Object.keys(hash).length > 0) file.hash = hash;
    fields.file = file;
  }
}

function counters(bytes: number | undefined, packets: number | undefined): { bytes?: number; packets?: number } {
  const found: { bytes?: number; packets?: number } = {};
  if (bytes !== undefined) found.bytes = bytes;
  if (packets !== undefined) found.packets = packets;
  return found;
}

function sum(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0);
}

/** Seconds (Zeek `duration`, `interval`) to ECS nanoseconds. */
export function secondsToNanos(value: unknown): number | undefined {
  const seconds = num(value);
  return seconds === undefined || seconds < 0 ? undefined : Math.round(seconds * 1_000_000_000);
}

export function services(value: unknown): string | undefined {
  // `service` is one name or a comma list ("ssl,http"); ECS network.protocol holds one.
  const text = typeof value === 'string' ? value : strings(value)?.join(',');
  const first = text?.split(',')[0]?.trim().toLowerCase();
  return first !== undefined && first.length > 0 && first !== '-' ? first : undefined;
}
