import { EventFields } from '../../format-parser';
import { Endpoint } from '../../security-event';
import { JsonObject, count, num, obj, str } from '../shared/json-value';
import { setTls } from '../shared/tls';
import { urlFields } from '../shared/url';

// Sections are built member by member, not as `{ ...(x === undefined ? {} : { x }), … }` (see plain-object.ts).
type Http = NonNullable<EventFields['http']>;

/** ECS fields of the `alert` section: the signature is the rule, its action the event action. */
export function alertFields(alert: JsonObject, fields: EventFields): void {
  const signatureId = count(alert.signature_id);
  const name = str(alert.signature);
  const category = str(alert.category);
  if (signatureId !== undefined || name !== undefined || category !== undefined) {
    const rule: NonNullable<EventFields['rule']> = {};
    if (signatureId !== undefined) rule.id = String(signatureId);
    if (name !== undefined) rule.name = name;
    if (category !== undefined) rule.category = category;
    fields.rule = rule;
  }
  const action = str(alert.action);
  const severity = count(alert.severity);
  const event: NonNullable<EventFields['event']> = Object.assign({}, fields.event, {
    kind: 'alert' as const,
    category: ['network', 'intrusion_detection'],
    type: action === 'blocked' ? ['denied'] : ['allowed'],
  });
  if (action !== undefined) event.action = action;
  if (severity !== undefined) event.severity = severity;
  fields.event = event;
}

export function httpFields(http: JsonObject, fields: EventFields): void {
  const target = str(http.url);
  const method = str(http.http_method);
  if (target !== undefined) {
    fields.url = urlFields(target, method);
    const hostname = str(http.hostname);
    if (hostname !== undefined && fields.url.domain === undefined) fields.url.domain = hostname;
  }
  const status = count(http.status);
  const length = count(http.length);
  const referrer = str(http.http_refer);
  const version = /^HTTP\/(\d{1,2}(?:\.\d{1,2})?)$/.exec(str(http.protocol) ?? '')?.[1];
  const httpSection: Http = {};
  if (method !== undefined || referrer !== undefined) {
    const request: NonNullable<Http['request']> = {};
    if (method !== undefined) request.method = method;
    if (referrer !== undefined) request.referrer = referrer;
    httpSection.request = request;
  }
  if (status !== undefined || length !== undefined) {
    const response: NonNullable<Http['response']> = {};
    if (status !== undefined) response.status_code = status;
    if (length !== undefined) response.bytes = length;
    httpSection.response = response;
  }
  if (version !== undefined) httpSection.version = version;
  if (Object.keys(httpSection).length > 0) fields.http = httpSection;
  const agent = str(http.http_user_agent);
  if (agent !== undefined) fields.user_agent = { original: agent };
}

/** EVE v1 logs one record per query/answer (`rrname` at the top); v2 lists `queries`. */
export function dnsFields(dns: JsonObject, fields: EventFields): void {
  const firstQuery = Array.isArray(dns.queries) ? obj(dns.queries[0]) : undefined;
  const question = firstQuery ?? dns;
  const name = str(question.rrname);
  const type = str(question.rrtype);
  const rcode = str(dns.rcode);
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

export function tlsFields(tls: JsonObject, fields: EventFields): void {
  const sni = str(tls.sni);
  const ja3 = str(obj(tls.ja3)?.hash);
  const ja3s = str(obj(tls.ja3s)?.hash);
  const subject = str(tls.subject);
  // EVE writes `TLS 1.2`, `TLSv1.3` or `UNDETERMINED`; ECS wants the bare number.
  const version = /^TLS ?v?(\d\.\d)$/.exec(str(tls.version) ?? '')?.[1];
  setTls(fields, { version, serverName: sni, ja3, ja3s, subject });
}

export function fileFields(fileinfo: JsonObject, fields: EventFields): void {
  const path = str(fileinfo.filename);
  const hash: Record<string, string> = {};
  for (const algorithm of ['md5', 'sha1', 'sha256']) {
    const value = str(fileinfo[algorithm]);
    if (value !== undefined) hash[algorithm] = value;
  }
  const name = path === undefined ? undefined : path.slice(path.lastIndexOf('/') + 1);
  const fileSection: NonNullable<EventFields['file']> = {};
  if (path !== undefined) fileSection.path = path;
  if (name) fileSection.name = name;
  if (Object.keys(hash).length > 0) fileSection.hash = hash;
  if (Object.keys(fileSection).length > 0) fields.file = fileSection;
}

/** Flow counters: to-server traffic is the source's, to-client the destination's. */
export function flowFields(flow: JsonObject, fields: EventFields): void {
  const toServerBytes = count(flow.bytes_toserver);
  const toClientBytes = count(flow.bytes_toclient);
  const toServerPackets = count(flow.pkts_toserver);
  const toClientPackets = count(flow.pkts_toclient);
  fields.source = withCounters(fields.source, toServerBytes, toServerPackets);
  fields.destination = withCounters(fields.destination, toClientBytes, toClientPackets);
  const bytes = sum(toServerBytes, toClientBytes);
  const packets = sum(toServerPackets, toClientPackets);
  if (bytes !== undefined || packets !== undefined) {
    const network: NonNullable<EventFields['network']> = Object.assign({}, fields.network);
    if (bytes !== undefined) network.bytes = bytes;
    if (packets !== undefined) network.packets = packets;
    fields.network = network;
  }
  const age = num(flow.age);
  if (age !== undefined && age >= 0) fields.event = Object.assign({}, fields.event, { duration: age * 1_000_000_000 });
}

function withCounters(base: Endpoint | undefined, bytes: number | undefined, packets: number | undefined): Endpoint | undefined {
  if (bytes === undefined && packets === undefined) return base;
  const counted: Endpoint = Object.assign({}, base);
  if (bytes !== undefined) counted.bytes = bytes;
  if (packets !== undefined) counted.packets = packets;
  return counted;
}

function sum(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0);
}
