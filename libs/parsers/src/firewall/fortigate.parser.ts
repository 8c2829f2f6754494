import { EventFields, FormatParser, formatError, formatOk, FormatResult, ParseContext } from '../format-parser';
import { setMember } from '../plain-object';
import { SecurityEvent } from '../security-event';
import { localToInstant } from '../time/zoned-time';
import { embeddedLineParser } from './embedded';
import { parseKeyValues } from './key-value';
import { compact, endpoint, intOf, ipOf, ipVersionOf, portOf, SYSLOG_SEVERITY, transportOfNumber } from './net';

type Kv = Map<string, string>;
type Event = NonNullable<EventFields['event']>;

// A FortiOS record opens with one of these keys (the order of keys differs between versions).
const OPENING_KEY = /^(?:date|devname|devid|logver|eventtime|timestamp|logid|log_id|itime|tz)=/;
const BODY_START = /(?:^|\s|>)(?=(?:date=\d{4}-\d{2}-\d{2}|devname=|logver=|eventtime=\d|timestamp=\d|logid=|itime=\d))/;

// A relay or syslog host may stand before the record: `10.10.10.10 date=...`.
const HOST_PREFIX = /^([A-Za-z0-9][\w.-]*) (?=\S+=)/;
// Lines whose body opens right after `<PRI>` are FortiGate's even when damaged, so they get its reason.
const OPENS_RECORD = /^(?:<\d{1,3}>)?(?=(?:date|devname|logver|eventtime|logid|itime)=)/;
const TRANSPORT_SERVICES = new Set(['tcp', 'udp', 'icmp', 'ip', 'none', 'all']);

const DENIED = new Set(['deny', 'denied', 'block', 'blocked', 'drop', 'dropped', 'reset', 'reject', 'clear_session', 'ssl-login-fail']);
const ALLOWED = new Set(['accept', 'allow', 'allowed', 'pass', 'passthrough', 'permit', 'close', 'timeout', 'client-rst', 'server-rst', 'ip-conn', 'dns', 'start', 'monitored']);

function isFortiBody(text: string): boolean {
  return OPENING_KEY.test(text) && identifiesFortiOs(text);
}

/** `logid=`, or FortiOS 3's `log_id=` with `type=` (Sophos XG writes `log_id=` too, but never a bare `type=`). */
function identifiesFortiOs(text: string): boolean {
  return /(?:^|\s)logid=/.test(text) || (/(?:^|\s)log_id=/.test(text) && /(?:^|\s)type=/.test(text));
}

/** FortiGate (FortiOS) key=value log records, as a syslog message. */
export const fortigateMessageParser: FormatParser = {
  format: 'fortigate',
  matches(text: string, app?: string): boolean {
    // `Dec 23 11:13:03 date=… time=10: 13:03` reads as host `date=…`, program `time=10`: not a real header.
    if (app?.includes('=')) return false;
    // isFortiBody needs the log id key (identifiesFortiOs): most messages are ruled out without a regex.
    if (!text.includes('logid=') && !text.includes('log_id=')) return false;
    if (isFortiBody(text)) return true;
    const host = HOST_PREFIX.exec(text);
    return host !== null && isFortiBody(text.slice(host[0].length));
  },
  parse(text: string, context: ParseContext): FormatResult {
    const host = HOST_PREFIX.exec(text);
    if (host && !isFortiBody(text)) {
      const result = parseFortigate(text.slice(host[0].length), context);
      return result.ok ? formatOk(Object.assign({}, result.fields, { host: { name: host[1] } })) : result;
    }
    return parseFortigate(text, context);
  },
};

/** FortiGate records with only a `<PRI>` (the common FortiOS syslog mode) or a header the dispatcher cannot read. */
export const fortigateLineParser: FormatParser = embeddedLineParser(
  'fortigate',
  fortigateMessageParser,
  (line) => {
    const opening = OPENS_RECORD.exec(line);
    if (opening) return opening[0].length;
    // Past the opening, the body must name its log id (identifiesFortiOs below): skip the scan without one.
    if (!line.includes('logid=') && !line.includes('log_id=')) return undefined;
    const match = BODY_START.exec(line);
    if (!match) return undefined;
    const at = match.index + match[0].length;
    // A prefix with key=value pairs means the keys belong to another vendor's record.
    return !line.slice(0, at).includes('=') && identifiesFortiOs(line.slice(at)) ? at : undefined;
  },
  (body, _prefix, context) => parseFortigate(body, context),
);

export function parseFortigate(text: string, context: ParseContext): FormatResult {
  const kv = parseKeyValues(text.trim());
  if (!kv.ok) return formatError(kv.reason);
  const f = kv.pairs;
  if (!has(f, 'logid') && !has(f, 'log_id') && !has(f, 'type')) return formatError('no logid or type: not a FortiOS log record');

  const fields: EventFields = {
    event: eventOf(f),
    observer: compact({
      vendor: 'Fortinet',
      product: 'FortiGate',
      type: 'firewall',
      name: get(f, 'devname'),
      serial_number: get(f, 'devid') ?? get(f, 'device_id'),
      ingress: interfaceOf(get(f, 'srcintf') ?? get(f, 'src_int')),
      egress: interfaceOf(get(f, 'dstintf') ?? get(f, 'dst_int') ?? get(f, 'outintf')),
    }),
    vendor: { fortinet: recordOf(f) },
  };
  const timestamp = timestampOf(f, context);
  if (timestamp) fields['@timestamp'] = timestamp;
  const message = get(f, 'msg') ?? get(f, 'logdesc') ?? get(f, 'desc');
  if (message) fields.message = message;
  Object.assign(fields, networkOf(f), userOf(f), webOf(f), ruleOf(f));
  return formatOk(fields);
}

/** `Object.fromEntries(f)`, a few times faster for a record's dozens of keys (see plain-object.ts). */
function recordOf(f: Kv): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [key, value] of f) setMember(record, key, value);
  return record;
}

function get(f: Kv, key: string): string | undefined {
  const value = f.get(key)?.trim();
  return value === undefined || value === '' || value === 'N/A' || value === '(null)' ? undefined : value;
}

function has(f: Kv, key: string): boolean {
  return get(f, key) !== undefined;
}

function interfaceOf(name: string | undefined): { interface: { name: string } } | undefined {
  return name === undefined || name === 'unknown0' ? undefined : { interface: { name } };
}

function eventOf(f: Kv): Event {
  const type = get(f, 'type');
  const subtype = get(f, 'subtype');
  // FortiOS 3/4 traffic logs name the verdict `status`; elsewhere `status` is an outcome.
  const action = get(f, 'action') ?? (type === 'traffic' ? get(f, 'status') : undefined);
  const level = get(f, 'level') ?? get(f, 'pri');
  const category = categoryOf(type, subtype, f);
  const outcome = outcomeOf(f, action);
  const event: Event = {
    kind: category.includes('intrusion_detection') || category.includes('malware') ? 'alert' : 'event',
    dataset: 'fortinet_fortigate.log',
    module: 'fortinet_fortigate',
    category,
    type: typesOf(type, category, action, f),
  };
  const code = get(f, 'logid') ?? get(f, 'log_id');
  if (code) event.code = code;
  if (action) event.action = action;
  if (outcome) event.outcome = outcome;
  const severity = level === undefined ? undefined : SYSLOG_SEVERITY[level.toLowerCase()];
  if (severity !== undefined) event.severity = severity;
  const duration = intOf(get(f, 'duration'));
  if (duration !== undefined) event.duration = duration * 1e9;
  return event;
}

function isLogin(f: Kv): boolean {
  const action = get(f, 'action') ?? '';
  const desc = `${get(f, 'logdesc') ?? ''} ${get(f, 'desc') ?? ''}`.toLowerCase();
  return /^(?:login|logout|auth-logon|auth-logout|fsso-logon|fsso-logoff|ssl-login-fail)$/i.test(action) || /\blog(?:in|out|on|off)\b/.test(desc);
}

function categoryOf(type: string | undefined, subtype: string | undefined, f: Kv): string[] {
  if (type === 'traffic') return ['network'];
  if (type === 'anomaly' || (type === 'utm' && (subtype === 'ips' || subtype === 'anomaly'))) return ['network', 'intrusion_detection'];
  if (type === 'utm' && subtype === 'virus') return ['network', 'malware'];
  if (type === 'utm' && subtype === 'webfilter') return ['network', 'web'];
  if (type === 'utm') return ['network'];
  if (isLogin(f)) return ['authentication'];
  if (has(f, 'cfgpath') || /config/i.test(get(f, 'logdesc') ?? '')) return ['configuration'];
  if (subtype === 'vpn') return ['network'];
  return ['host'];
}

function outcomeOf(f: Kv, action: string | undefined): Event['outcome'] {
  const status = get(f, 'status')?.toLowerCase();
  if (status === 'success' || status === 'logon') return 'success';
  if (status === 'failed' || status === 'failure' || status === 'negotiate_error') return 'failure';
  const authMessage = get(f, 'authmsg')?.toLowerCase();
  if (authMessage === 'failed') return 'failure';
  if (/login accepted|successful/i.test(get(f, 'desc') ?? get(f, 'logdesc') ?? '')) return 'success';
  const lower = action?.toLowerCase();
  if (lower === undefined) return undefined;
  if (DENIED.has(lower)) return 'failure';
  if (ALLOWED.has(lower)) return 'success';
  return undefined;
}

function typesOf(type: string | undefined, category: string[], action: string | undefined, f: Kv): string[] {
  const lower = action?.toLowerCase() ?? '';
  if (category.includes('authentication')) return /logout|logoff/.test(lower) || /logout|log off/i.test(get(f, 'logdesc') ?? '') ? ['end'] : ['start'];
  if (category.includes('configuration')) return ['change'];
  if (type === 'traffic' || type === 'utm' || type === 'anomaly') {
    if (lower === 'start') return ['connection', 'start'];
    if (DENIED.has(lower)) return ['connection', 'denied'];
    if (ALLOWED.has(lower)) return ['connection', 'allowed'];
    return ['connection'];
  }
  return ['info'];
}

function timestampOf(f: Kv, context: ParseContext): string | undefined {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(get(f, 'date') ?? '');
  const time = /^(\d{1,2}):\s*(\d{2}):(\d{2})$/.exec(get(f, 'time') ?? '');
  if (date && time) {
    const local = { year: Number(date[1]), month: Number(date[2]), day: Number(date[3]), hour: Number(time[1]), minute: Number(time[2]), second: Number(time[3]), millisecond: 0 };
    if (local.month < 1 || local.month > 12 || local.day < 1 || local.day > 31 || local.hour > 23 || local.minute > 59 || local.second > 60) return epochOf(f);
    const offset = offsetMinutes(get(f, 'tz'));
    const instant =
      offset === undefined
        ? localToInstant(local, context.timeZone)
        : new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) - offset * 60_000);
    return Number.isNaN(instant.getTime()) ? epochOf(f) : instant.toISOString();
  }
  return epochOf(f);
}

/** `tz="+0700"`, `"-0500"` or `"UTC-5:00"` as minutes east of UTC. */
function offsetMinutes(tz: string | undefined): number | undefined {
  const match = /^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})$/.exec(tz ?? '');
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return minutes > 14 * 60 ? undefined : match[1] === '-' ? -minutes : minutes;
}

/** `eventtime`/`timestamp` in epoch seconds, ms, µs or ns, told apart by their digit count. */
function epochOf(f: Kv): string | undefined {
  const raw = get(f, 'eventtime') ?? get(f, 'timestamp');
  if (raw === undefined || !/^\d{9,19}$/.test(raw)) return undefined;
  const ms = raw.length <= 11 ? Number(raw) * 1000 : raw.length <= 14 ? Number(raw) : raw.length <= 17 ? Number(raw.slice(0, -3)) : Number(raw.slice(0, -6));
  const instant = new Date(ms);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}

function networkOf(f: Kv): Partial<SecurityEvent> {
  const sourceIp = ipOf(get(f, 'srcip') ?? get(f, 'src') ?? get(f, 'remip') ?? uiAddress(get(f, 'ui')) ?? get(f, 'remote_ip'));
  const destinationIp = ipOf(get(f, 'dstip') ?? get(f, 'dst') ?? get(f, 'locip'));
  const sentBytes = intOf(get(f, 'sentbyte') ?? get(f, 'sent'));
  const receivedBytes = intOf(get(f, 'rcvdbyte') ?? get(f, 'rcvd'));
  const sentPackets = intOf(get(f, 'sentpkt') ?? get(f, 'sent_pkt'));
  const receivedPackets = intOf(get(f, 'rcvdpkt') ?? get(f, 'rcvd_pkt'));
  const protocolNumber = intOf(get(f, 'proto'));
  const out: Partial<SecurityEvent> = {};
  const source = endpoint({
    ip: sourceIp,
    port: portOf(get(f, 'srcport') ?? get(f, 'src_port') ?? get(f, 'remport') ?? get(f, 'remote_port')),
    domain: get(f, 'srcname') === sourceIp ? undefined : get(f, 'srcname'),
    mac: get(f, 'srcmac'),
    bytes: sentBytes,
    packets: sentPackets,
    nat: { ip: ipOf(get(f, 'transip') ?? get(f, 'tran_ip')), port: nonZero(portOf(get(f, 'transport') ?? get(f, 'tran_port'))) },
  });
  const destination = endpoint({
    ip: destinationIp,
    port: portOf(get(f, 'dstport') ?? get(f, 'dst_port') ?? get(f, 'locport')),
    bytes: receivedBytes,
    packets: receivedPackets,
    nat: { ip: ipOf(get(f, 'tranip')), port: nonZero(portOf(get(f, 'tranport'))) },
  });
  if (source?.nat?.ip === '0.0.0.0') delete source.nat;
  if (source) out.source = source;
  if (destination) out.destination = destination;
  const network = compact({
    transport: transportOfNumber(protocolNumber),
    iana_number: protocolNumber === undefined ? undefined : String(protocolNumber),
    protocol: protocolOf(get(f, 'service')),
    direction: directionOf(get(f, 'direction')),
    type: ipVersionOf(sourceIp ?? destinationIp),
    bytes: sentBytes === undefined && receivedBytes === undefined ? undefined : (sentBytes ?? 0) + (receivedBytes ?? 0),
    packets: sentPackets === undefined && receivedPackets === undefined ? undefined : (sentPackets ?? 0) + (receivedPackets ?? 0),
  });
  if (network) out.network = network;
  const question = compact({ name: get(f, 'qname'), type: get(f, 'qtype') });
  if (question) out.dns = { question };
  return out;
}

function nonZero(port: number | undefined): number | undefined {
  return port === 0 ? undefined : port;
}

/** `ui="ssh(192.168.0.10)"`, `ui=https(4.3.5.253)`: the admin's address. */
function uiAddress(ui: string | undefined): string | undefined {
  return /\(([^()]+)\)$/.exec(ui ?? '')?.[1];
}

function protocolOf(service: string | undefined): string | undefined {
  if (service === undefined || !/^[A-Za-z][\w.-]*$/.test(service) || TRANSPORT_SERVICES.has(service.toLowerCase())) return undefined;
  return service.toLowerCase();
}

function directionOf(direction: string | undefined): string | undefined {
  if (direction === 'outgoing' || direction === 'outbound') return 'outbound';
  if (direction === 'incoming' || direction === 'inbound') return 'inbound';
  return undefined;
}

function userOf(f: Kv): Partial<SecurityEvent> {
  const name = get(f, 'user') ?? get(f, 'xauthuser');
  const group = get(f, 'group');
  const fields: Partial<SecurityEvent> = {};
  if (name !== undefined) fields.user = { name };
  if (group !== undefined) fields.group = { name: group };
  return fields;
}

function webOf(f: Kv): Partial<SecurityEvent> {
  const raw = get(f, 'url');
  const hostname = get(f, 'hostname');
  const out: Partial<SecurityEvent> = {};
  if (raw !== undefined || (hostname !== undefined && get(f, 'subtype') === 'webfilter')) {
    out.url = compact({ original: raw, domain: hostname, ...pathOf(raw) });
  }
  const agent = get(f, 'agent');
  if (agent) out.user_agent = { original: agent };
  return out;
}

function pathOf(raw: string | undefined): { path?: string; query?: string; scheme?: string; domain?: string } {
  if (raw === undefined) return {};
  const absolute = /^(https?):\/\/([^/?#]+)([^?#]*)(?:\?([^#]*))?/.exec(raw);
  if (absolute) return compact({ scheme: absolute[1], domain: absolute[2], path: absolute[3] || undefined, query: absolute[4] }) ?? {};
  const relative = /^(\/[^?#]*)(?:\?([^#]*))?/.exec(raw);
  return relative ? (compact({ path: relative[1], query: relative[2] }) ?? {}) : {};
}

function ruleOf(f: Kv): Partial<SecurityEvent> {
  const rule = compact({ id: get(f, 'policyid') ?? get(f, 'policy_id'), name: get(f, 'policyname'), ruleset: get(f, 'policytype') });
  return rule ? { rule } : {};
}
