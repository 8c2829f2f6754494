import { EventFields, FormatParser, formatError, formatOk, FormatResult } from '../format-parser';
import { compact, endpoint, nonEmpty, intOf, ipOf, ipVersionOf, portOf, transportOfName, transportOfNumber } from './net';

// When the header has no host, the dispatcher leaves the tag in the message: `filterlog[72237]: 146,,,...`.
const TAG_IN_MESSAGE = /^filterlog(?:\[\d{1,10}\])?: ?/;
const FILTERLOG_BODY = /^\d*,\d*,[^,]*,\d*,[^,]*,[^,]*,[^,]*,(?:in|out)?,[46],/;

/** pfSense / OPNsense `filterlog` CSV packet-filter records. */
export const pfsenseParser: FormatParser = {
  format: 'pfsense',
  matches(text: string, app?: string): boolean {
    if (app === 'filterlog') return FILTERLOG_BODY.test(text);
    const tag = TAG_IN_MESSAGE.exec(text);
    return tag !== null && FILTERLOG_BODY.test(text.slice(tag[0].length));
  },
  parse(text: string): FormatResult {
    const tag = TAG_IN_MESSAGE.exec(text);
    return parseFilterlog(tag ? text.slice(tag[0].length) : text);
  },
};

interface IpPart {
  transportName: string | undefined;
  protocolNumber: number | undefined;
  length: number | undefined;
  source: string | undefined;
  destination: string | undefined;
  rest: string[];
  vendor: Record<string, string>;
}

export function parseFilterlog(csv: string): FormatResult {
  const f = csv.trim().split(',');
  if (f.length < 9) return formatError(`only ${f.length} CSV fields`);
  const [ruleNumber, subRule, anchor, tracker, iface, reason, action, direction, version] = f;
  if (version !== '4' && version !== '6') return formatError(`unknown IP version ${JSON.stringify(version)}`);
  const ip = version === '4' ? ipv4Part(f) : ipv6Part(f);
  if (!ip) return formatError(`IPv${version} record cut short: ${f.length} CSV fields`);
  const ports = portsOf(ip.transportName, ip.rest);

  const allowed = action === 'pass';
  const denied = action === 'block' || action === 'reject';
  const fields: EventFields = {
    event: compact({
      kind: 'event' as const,
      dataset: 'pfsense.log',
      module: 'pfsense',
      category: ['network'],
      type: allowed ? ['connection', 'allowed'] : denied ? ['connection', 'denied'] : ['connection'],
      action: action || undefined,
      outcome: allowed ? ('success' as const) : denied ? ('failure' as const) : undefined,
    }),
    observer: compact({
      vendor: 'Netgate',
      product: 'pfSense',
      type: 'firewall',
      ingress: direction === 'in' && iface ? { interface: { name: iface } } : undefined,
      egress: direction === 'out' && iface ? { interface: { name: iface } } : undefined,
    }),
    network: compact({
      type: ipVersionOf(ip.source ?? ip.destination),
      transport: transportOfName(ip.transportName) ?? transportOfNumber(ip.protocolNumber),
      iana_number: ip.protocolNumber === undefined ? undefined : String(ip.protocolNumber),
      direction: direction === 'in' ? 'inbound' : direction === 'out' ? 'outbound' : undefined,
      bytes: ip.length,
    }),
    rule: compact({ id: tracker || ruleNumber || undefined }),
    vendor: {
      pfsense: nonEmpty({ rule_number: ruleNumber, sub_rule_number: subRule, anchor, tracker, interface: iface, reason, direction, ip_version: version, ...ip.vendor, ...ports.vendor }),
    },
  };
  const source = endpoint({ ip: ip.source, port: ports.source });
  const destination = endpoint({ ip: ip.destination, port: ports.destination });
  if (source) fields.source = source;
  if (destination) fields.destination = destination;
  return formatOk(fields);
}

function ipv4Part(f: string[]): IpPart | undefined {
  if (f.length < 20) return undefined;
  return {
    transportName: f[16],
    protocolNumber: intOf(f[15]),
    length: intOf(f[17]),
    source: ipOf(f[18]),
    destination: ipOf(f[19]),
    rest: f.slice(20),
    vendor: { tos: f[9]!, ecn: f[10]!, ttl: f[11]!, id: f[12]!, offset: f[13]!, flags: f[14]! },
  };
}

function ipv6Part(f: string[]): IpPart | undefined {
  if (f.length < 17) return undefined;
  return {
    transportName: f[12],
    protocolNumber: intOf(f[13]),
    length: intOf(f[14]),
    source: ipOf(f[15]),
    destination: ipOf(f[16]),
    rest: f.slice(17),
    vendor: { class: f[9]!, flow_label: f[10]!, hop_limit: f[11]! },
  };
}

function portsOf(transport: string | undefined, rest: string[]): { source?: number; destination?: number; vendor: Record<string, string> } {
  const name = transport?.toLowerCase();
  if (name === 'tcp' || name === 'udp') {
    const vendor: Record<string, string> = { data_length: rest[2] ?? '' };
    if (name === 'tcp') Object.assign(vendor, { tcp_flags: rest[3] ?? '', sequence_number: rest[4] ?? '', ack_number: rest[5] ?? '', window: rest[6] ?? '', urg: rest[7] ?? '', options: rest[8] ?? '' });
    return { source: portOf(rest[0]), destination: portOf(rest[1]), vendor };
  }
  if (name === 'icmp' || name === 'ipv6-icmp' || name === 'icmpv6') return { vendor: { icmp_type: rest[0] ?? '', icmp_details: rest.slice(1).join(',') } };
  return { vendor: rest.length > 0 ? { protocol_details: rest.join(',') } : {} };
}
