import { EventFields } from '../format-parser';
import { compact, endpoint, intOf, ipOf, ipVersionOf, portOf, transportOfName, transportOfNumber } from './net';

type Event = NonNullable<EventFields['event']>;
type Reader = (text: string) => EventFields | undefined;

/** `outside:10.1.2.1/22`, `10.1.2.1/22`, `inside:2001:db8::1/443`: interface, address, port (a port may be a service name). */
interface Address {
  iface?: string;
  ip?: string;
  port?: number;
}

function address(text: string, withInterface: boolean): Address {
  let rest = text;
  let iface: string | undefined;
  const colon = rest.indexOf(':');
  if (withInterface && colon > 0) {
    iface = rest.slice(0, colon);
    rest = rest.slice(colon + 1);
  }
  const slash = rest.lastIndexOf('/');
  const host = slash === -1 ? rest : rest.slice(0, slash);
  return { iface, ip: ipOf(host), port: slash === -1 ? undefined : portOf(rest.slice(slash + 1)) };
}

/** An address with an optional interface (`outside:1.2.3.4/5`) where the message may or may not print one. */
function anyAddress(text: string): Address {
  const plain = address(text, false);
  return plain.ip !== undefined ? plain : address(text, true);
}

function ends(source: Address | undefined, destination: Address | undefined, extra: { sourceNat?: Address; destinationNat?: Address } = {}): EventFields {
  const fields: EventFields = {};
  const src = source && endpoint({ ip: source.ip, port: source.port, nat: extra.sourceNat && { ip: extra.sourceNat.ip, port: extra.sourceNat.port } });
  const dst = destination && endpoint({ ip: destination.ip, port: destination.port, nat: extra.destinationNat && { ip: extra.destinationNat.ip, port: extra.destinationNat.port } });
  if (src) fields.source = src;
  if (dst) fields.destination = dst;
  const observer = compact({
    ingress: source?.iface ? { interface: { name: source.iface } } : undefined,
    egress: destination?.iface ? { interface: { name: destination.iface } } : undefined,
  });
  if (observer) fields.observer = observer;
  const type = ipVersionOf(source?.ip ?? destination?.ip);
  if (type) fields.network = { type };
  return fields;
}

// Objects in this file are built with Object.assign, not with spread literals (see plain-object.ts);
// every source is built here, with fixed keys.
function withNetwork(fields: EventFields, protocol: string | undefined, event: Event): EventFields {
  const number = intOf(protocol);
  const network = compact(
    Object.assign({}, fields.network, {
      transport: number === undefined ? transportOfName(protocol) : transportOfNumber(number),
      iana_number: number === undefined ? undefined : String(number),
    }),
  );
  return Object.assign({}, fields, { event }, network ? { network } : {});
}

const denied = (action: string): Event => ({ category: ['network'], type: ['connection', 'denied'], action, outcome: 'failure' });
const allowed = (action: string, extra: string[] = []): Event => ({ category: ['network'], type: ['connection', 'allowed', ...extra], action, outcome: 'success' });
const login = (action: string, success: boolean, type = 'start'): Event => ({ category: ['authentication'], type: [type], action, outcome: success ? 'success' : 'failure' });

/** ASA durations (`0:02:32`, hours unbounded) as ECS nanoseconds. */
function durationNs(text: string | undefined): number | undefined {
  const match = /^(\d+):(\d{2}):(\d{2})$/.exec(text ?? '');
  return match ? ((Number(match[1]) * 60 + Number(match[2])) * 60 + Number(match[3])) * 1e9 : undefined;
}

const ADDR = String.raw`(\S+)`;

const READERS: Record<string, Reader> = {
  '106001': (t) => {
    const m = new RegExp(String.raw`^Inbound (\S+) connection denied from ${ADDR} to ${ADDR}(?: flags(?: (.*?))?(?: on interface (\S+))?)?$`).exec(t);
    if (!m) return undefined;
    const source = Object.assign(address(m[2]!, false), { iface: m[5] });
    return withNetwork(ends(source, address(m[3]!, false)), m[1], denied('connection-denied'));
  },
  '106006': (t) => inboundDeny(t),
  '106007': (t) => inboundDeny(t),
  '106010': (t) => {
    const m = /^Deny (?:inbound|outbound) (?:protocol )?(\S+) src (\S+) dst (\S+)/.exec(t);
    return m ? withNetwork(ends(address(m[2]!, true), address(m[3]!, true)), m[1], denied('deny')) : undefined;
  },
  '106014': (t) => {
    const m = /^Deny (?:inbound|outbound) (icmp6?) src (\S+) dst (\S+)/i.exec(t);
    return m ? withNetwork(ends(address(m[2]!, true), address(m[3]!, true)), m[1], denied('deny')) : undefined;
  },
  '106015': (t) => {
    const m = new RegExp(String.raw`^Deny (\S+) \(no connection\) from ${ADDR} to ${ADDR} flags (.*?)(?: on interface (\S+?))?\.?$`).exec(t);
    if (!m) return undefined;
    return withNetwork(ends(Object.assign(address(m[2]!, false), { iface: m[5] }), address(m[3]!, false)), m[1], denied('deny'));
  },
  '106023': (t) => {
    const m = /^Deny (\S+) src (\S+) dst (\S+?)(?: \(type \d+, code \d+\))? by access-group "([^"]*)"/.exec(t);
    if (!m) return undefined;
    return Object.assign({}, withNetwork(ends(address(m[2]!, true), address(m[3]!, true)), m[1], denied('deny')), { rule: { name: m[4]! } });
  },
  '106100': (t) => {
    const m = /^access-list (\S+) (permitted|denied|est-allowed) (\S+) ([^/\s]+)\/(\S+?)\((\d+)\)\S* -> ([^/\s]+)\/(\S+?)\((\d+)\)/.exec(t);
    if (!m) return undefined;
    const source: Address = { iface: m[4], ip: ipOf(m[5]), port: portOf(m[6]) };
    const destination: Address = { iface: m[7], ip: ipOf(m[8]), port: portOf(m[9]) };
    const event = m[2] === 'denied' ? denied('access-list-denied') : allowed('access-list-permitted');
    return Object.assign({}, withNetwork(ends(source, destination), m[3], event), { rule: { name: m[1]! } });
  },
  '710002': (t) => deviceAccess(t),
  '710003': (t) => deviceAccess(t),
  '710005': (t) => deviceAccess(t),
  '302013': (t) => built(t),
  '302015': (t) => built(t),
  '302014': (t) => teardown(t),
  '302016': (t) => teardown(t),
  '305011': (t) => translation(t),
  '305012': (t) => translation(t),
  '113004': (t) => {
    const m = /^AAA user (\S+) Successful\s*: server = (\S+?),? User = (.+?)$/.exec(t);
    return m ? { event: login('aaa-authentication', true), user: { name: m[3]! } } : undefined;
  },
  '113005': (t) => {
    const m = /^AAA user authentication Rejected\s*: reason = (.*?)\s*: server = (\S+?),? User = (.*?)(?:\s*: user IP = (\S+))?$/.exec(t);
    if (!m) return undefined;
    return { event: login('aaa-authentication', false), user: { name: m[3]! }, ...sourceOnly(m[4]) };
  },
  '113015': (t) => {
    const m = /^AAA user authentication Rejected\s*: reason = (.*?)\s*: local database\s*: user = (.*?)(?:\s*: user IP = (\S+))?$/.exec(t);
    if (!m) return undefined;
    return { event: login('aaa-authentication', false), user: { name: m[2]! }, ...sourceOnly(m[3]) };
  },
  '605004': (t) => adminLogin(t),
  '605005': (t) => adminLogin(t),
  '611101': (t) => userAuthentication(t),
  '611102': (t) => userAuthentication(t),
  '716001': (t) => {
    const m = /^Group <([^>]*)> User <([^>]*)> IP <([^>]*)> WebVPN session started/.exec(t);
    if (!m) return undefined;
    return { event: login('webvpn-session-started', true), user: { name: m[2]! }, group: { name: m[1]! }, ...sourceOnly(m[3]) };
  },
  '722051': (t) => {
    const m = /^Group <([^>]*)> User <([^>]*)> IP <([^>]*)> (?:IPv4 )?Address <([^>]*)>(?: IPv6 address <[^>]*>)? assigned to session/.exec(t);
    if (!m) return undefined;
    return { event: { category: ['network', 'session'], type: ['start'], action: 'vpn-address-assigned', outcome: 'success' }, user: { name: m[2]! }, group: { name: m[1]! }, ...sourceOnly(m[3], m[4]), vendor: { cisco: { assigned_ip: m[4]! } } };
  },
  '733100': (t) => {
    const m = /^\[?\s*(.*?)\s*\]? drop rate(?:-\d+| \d+)? exceeded/.exec(t);
    return m ? { event: { kind: 'alert', category: ['intrusion_detection', 'network'], type: ['info'], action: 'threat-detection-rate-exceeded' }, vendor: { cisco: { threat_object: m[1]! } } } : undefined;
  },
};

/** Connections to the firewall itself (ssh, https, snmp management). */
function deviceAccess(t: string): EventFields | undefined {
  const m = /^(\S+) (?:access|request) (denied by ACL|permitted|discarded|requested) from (\S+) to (\S+)$/.exec(t);
  if (!m) return undefined;
  const destination = address(m[4]!, true);
  const event = m[2] === 'permitted' ? allowed('device-access-permitted') : m[2] === 'requested' ? { category: ['network'], type: ['connection'], action: 'device-access-requested' } : denied('device-access-denied');
  return withNetwork(ends(address(m[3]!, false), destination), m[1], event);
}

function sourceOnly(ip: string | undefined, natIp?: string): EventFields {
  const source = endpoint({ ip: ipOf(ip), nat: { ip: ipOf(natIp) } });
  return source ? { source } : {};
}

function inboundDeny(t: string): EventFields | undefined {
  const m = new RegExp(String.raw`^Deny inbound (\S+) from ${ADDR} to ${ADDR}(?: on interface (\S+))?`).exec(t);
  if (!m) return undefined;
  return withNetwork(ends(Object.assign(address(m[2]!, false), { iface: m[4] }), address(m[3]!, false)), m[1], denied('deny'));
}

function built(t: string): EventFields | undefined {
  const m = /^Built (inbound|outbound) (\S+) connection (\d+) for (\S+) \((\S+?)\)(?:\([^)]*\))? to (\S+) \((\S+?)\)/.exec(t);
  if (!m) return undefined;
  const foreign = address(m[4]!, true);
  const foreignMapped = address(m[5]!, false);
  const local = address(m[6]!, true);
  const localMapped = address(m[7]!, false);
  // "outbound" means the "to" side opened the connection, so it is the source.
  const fields =
    m[1] === 'inbound'
      ? ends(foreign, local, { sourceNat: foreignMapped, destinationNat: localMapped })
      : ends(local, foreign, { sourceNat: localMapped, destinationNat: foreignMapped });
  dropSameNat(fields);
  const result = withNetwork(fields, m[2], allowed('connection-built', ['start']));
  return Object.assign({}, result, {
    network: Object.assign({}, result.network, { direction: m[1] === 'inbound' ? 'inbound' : 'outbound' }),
    vendor: { cisco: { connection_id: m[3]! } },
  });
}

/** A mapped address equal to the real one is no translation. */
function dropSameNat(fields: EventFields): void {
  for (const side of [fields.source, fields.destination]) {
    if (side?.nat && side.nat.ip === side.ip && side.nat.port === side.port) delete side.nat;
  }
}

function teardown(t: string): EventFields | undefined {
  const m = /^Teardown (\S+) connection (\d+) for (\S+) to (\S+) duration (\S+) bytes (\d+)(?: (.*))?$/.exec(t);
  if (!m) return undefined;
  const result = withNetwork(ends(address(m[3]!, true), address(m[4]!, true)), m[1], { ...allowed('connection-teardown', ['end']) });
  const duration = durationNs(m[5]);
  return Object.assign({}, result, {
    event: Object.assign({}, result.event, duration === undefined ? {} : { duration }),
    network: Object.assign({}, result.network, { bytes: intOf(m[6])! }),
    vendor: { cisco: { connection_id: m[2]!, ...(m[7] ? { teardown_reason: m[7] } : {}) } },
  });
}

function translation(t: string): EventFields | undefined {
  const m = /^(Built|Teardown) (\S+) (\S+) translation from (\S+) to (\S+?)(?: duration (\S+?))?\.?$/.exec(t);
  if (!m) return undefined;
  const real = address(m[4]!, true);
  const mapped = address(m[5]!, true);
  const fields = ends(real, undefined, { sourceNat: mapped });
  if (mapped.iface) fields.observer = Object.assign({}, fields.observer, { egress: { interface: { name: mapped.iface } } });
  const start = m[1] === 'Built';
  const duration = durationNs(m[6]);
  const event: Event = { category: ['network'], type: [start ? 'start' : 'end'], action: start ? 'nat-built' : 'nat-teardown', ...(duration === undefined ? {} : { duration }) };
  return Object.assign({}, withNetwork(fields, m[3], event), { vendor: { cisco: { translation_type: m[2]! } } });
}

function adminLogin(t: string): EventFields | undefined {
  const m = /^Login (denied|permitted) from (\S+) to (\S+) for user "([^"]*)"/.exec(t);
  if (!m) return undefined;
  const source = anyAddress(m[2]!);
  const destination = address(m[3]!, true);
  const service = m[3]!.slice(m[3]!.lastIndexOf('/') + 1);
  const fields = ends(source, destination);
  const result: EventFields = Object.assign({}, fields, { event: login('admin-login', m[1] === 'permitted') });
  if (m[4]) result.user = { name: m[4] };
  if (/^[a-z]+$/.test(service)) result.network = Object.assign({}, fields.network, { protocol: service });
  return result;
}

function userAuthentication(t: string): EventFields | undefined {
  const m = /^User authentication (succeeded|failed): (?:IP address: (\S+?), )?Uname: (.+)$/.exec(t);
  if (!m) return undefined;
  return { event: login('user-authentication', m[1] === 'succeeded'), user: { name: m[3]!.trim() }, ...sourceOnly(m[2]) };
}

/** What the message of a known ASA/FTD id says, in ECS terms; undefined for ids we do not read or text that differs. */
export function readAsaMessage(id: string, text: string): EventFields | undefined {
  return READERS[id]?.(text);
}
