import { EventFields, FormatParser, formatError, formatOk, FormatResult, ParseContext } from '../format-parser';
import { compact, endpoint, intOf, ipOf, ipVersionOf, portOf, transportOfName } from './net';

// IN= and OUT= are always printed by the netfilter LOG/NFLOG targets, even when empty.
const MARKER = /(?:^|[\s\]:)])IN=(\S*) OUT=(\S*)/;
const KERNEL_CLOCK = /\[\s*\d+\.\d+\]\s*/g;
const PAIR = /^([A-Z][A-Z0-9_]*)=(\S*)$/;
const FLAG = /^[A-Z][A-Z0-9_]*$/;
const MAC_PAIR = /^(?:[0-9a-fA-F]{2}:){11}[0-9a-fA-F]{2}(?::|$)/;

/** Linux netfilter (iptables/nftables/ufw/firewalld) packet log lines written by the kernel. */
export const iptablesParser: FormatParser = {
  format: 'iptables',
  matches: (text: string) => text.includes('IN=') && MARKER.test(text) && /\bSRC=/.test(text),
  parse: (text: string, context: ParseContext) => parseNetfilter(text, context),
};

export function parseNetfilter(text: string, context?: ParseContext): FormatResult {
  const marker = MARKER.exec(text);
  if (!marker) return formatError('no IN= OUT= fields');
  const start = marker.index + marker[0].indexOf('IN=');
  let prefix = text.slice(0, start).replace(KERNEL_CLOCK, ' ').trim();
  // `Jun 28 04:35:30 Abc-A1 [RULE-A] IN=…` has no program name, so the host stays in the message.
  const hostFirst = context?.host === undefined ? /^([A-Za-z0-9][\w.-]*) (\[[^\]]*\])$/.exec(prefix) : null;
  if (hostFirst) prefix = hostFirst[2]!;
  const packet = readPacket(text.slice(start));

  const sourceIp = ipOf(packet.pairs.SRC);
  const destinationIp = ipOf(packet.pairs.DST);
  const macs = macsOf(packet.pairs.MAC);
  const action = actionOf(prefix);
  const fields: EventFields = {
    event: compact({
      kind: 'event' as const,
      dataset: 'iptables.log',
      module: 'iptables',
      category: ['network'],
      type: action === undefined ? ['connection'] : ['connection', action === 'accept' ? 'allowed' : 'denied'],
      action,
      outcome: action === undefined ? undefined : action === 'accept' ? ('success' as const) : ('failure' as const),
    }),
    observer: compact({
      product: 'iptables',
      type: 'firewall',
      ingress: marker[1] ? { interface: { name: marker[1] } } : undefined,
      egress: marker[2] ? { interface: { name: marker[2] } } : undefined,
    }),
    network: compact({
      type: ipVersionOf(sourceIp ?? destinationIp),
      transport: transportOfName(packet.pairs.PROTO),
      bytes: intOf(packet.pairs.LEN),
    }),
    vendor: { iptables: vendorOf(packet, prefix) },
  };
  if (hostFirst) fields.host = { name: hostFirst[1]! };
  const label = labelOf(prefix);
  if (label) fields.rule = { name: label };
  const source = endpoint({ ip: sourceIp, port: portOf(packet.pairs.SPT), mac: macs?.source });
  const destination = endpoint({ ip: destinationIp, port: portOf(packet.pairs.DPT), mac: macs?.destination });
  if (source) fields.source = source;
  if (destination) fields.destination = destination;
  return formatOk(fields);
}

/** The packet's fields as logged, with its flags, the rule's prefix and a quoted packet (member by member, see plain-object.ts). */
function vendorOf(packet: { pairs: Record<string, string>; flags: string[]; inner?: string }, prefix: string): Record<string, unknown> {
  // pairs was built by assignment, so Object.assign copies exactly what a spread would.
  const vendor: Record<string, unknown> = Object.assign({}, packet.pairs);
  if (packet.flags.length > 0) vendor.flags = packet.flags;
  if (prefix) vendor.prefix = prefix;
  if (packet.inner) vendor.inner = packet.inner;
  return vendor;
}

/** KEY=value fields and bare flags (SYN, ACK, DF…); the first of a repeated key (LEN, ID) is the IP header's. */
function readPacket(text: string): { pairs: Record<string, string>; flags: string[]; inner?: string } {
  // ICMP errors quote the offending packet in brackets; it is kept whole, not mixed into this packet's fields.
  const bracket = text.indexOf(' [');
  const own = bracket === -1 ? text : text.slice(0, bracket);
  const pairs: Record<string, string> = {};
  const flags: string[] = [];
  for (const token of own.split(/\s+/)) {
    const pair = PAIR.exec(token);
    if (pair) {
      if (!(pair[1]! in pairs)) pairs[pair[1]!] = pair[2]!;
    } else if (FLAG.test(token)) {
      flags.push(token);
    }
  }
  return bracket === -1 ? { pairs, flags } : { pairs, flags, inner: text.slice(bracket + 1).trim() };
}

/** `MAC=` is destination MAC, source MAC and EtherType, colon-separated. */
function macsOf(mac: string | undefined): { destination: string; source: string } | undefined {
  // Twelve two-digit hex bytes first (the EtherType or more may follow): the addresses sit at fixed offsets.
  if (mac === undefined || !MAC_PAIR.test(mac)) return undefined;
  const format = (part: string) => part.replaceAll(':', '-').toUpperCase();
  return { destination: format(mac.slice(0, 17)), source: format(mac.slice(18, 35)) };
}

/** The log prefix an administrator chose, without brackets or the trailing colon. */
function labelOf(prefix: string): string | undefined {
  const label = prefix.replace(/^\[(.*)\]$/, '$1').replace(/:$/, '').trim();
  return label === '' ? undefined : label;
}

/** What the rule did, when its prefix says so (`DROP`, `[UFW BLOCK]`, Ubiquiti `[rule-name-D]`). */
function actionOf(prefix: string): 'accept' | 'drop' | 'reject' | undefined {
  const ubiquiti = /\[[^\]]*-([ADR])\]/.exec(prefix);
  if (ubiquiti) return ubiquiti[1] === 'A' ? 'accept' : ubiquiti[1] === 'D' ? 'drop' : 'reject';
  const upper = prefix.toUpperCase();
  if (/REJECT/.test(upper)) return 'reject';
  if (/DROP|DENY|BLOCK/.test(upper)) return 'drop';
  if (/ACCEPT|ALLOW/.test(upper)) return 'accept';
  return undefined;
}
