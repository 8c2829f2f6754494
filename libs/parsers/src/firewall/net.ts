import { isIP } from 'node:net';
import { withoutEmpty, withoutUndefined } from '../plain-object';
import { Endpoint } from '../security-event';

/** An IP address as written, or undefined when it is not one (names, `N/A`, masked values). */
export function ipOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return isIP(trimmed) === 0 ? undefined : trimmed;
}

/** A port 0-65535 written in decimal, else undefined. */
export function portOf(value: string | undefined): number | undefined {
  const n = intOf(value);
  return n !== undefined && n <= 65535 ? n : undefined;
}

/** A non-negative decimal integer, else undefined. */
export function intOf(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,15}$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

const IANA_PROTOCOLS: Record<number, string> = {
  1: 'icmp', 2: 'igmp', 4: 'ipv4', 6: 'tcp', 17: 'udp', 41: 'ipv6', 47: 'gre', 50: 'esp', 51: 'ah', 58: 'ipv6-icmp', 89: 'ospf', 103: 'pim', 112: 'vrrp', 132: 'sctp',
};

const KNOWN_TRANSPORTS = new Set(Object.values(IANA_PROTOCOLS));

/** ECS `network.transport` for an IANA protocol number. */
export function transportOfNumber(protocol: number | undefined): string | undefined {
  return protocol === undefined ? undefined : IANA_PROTOCOLS[protocol];
}

/** ECS `network.transport` for a protocol name as firewalls print it (`TCP`, `ICMPv6`, `proto-47`). */
export function transportOfName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const lower = name.trim().toLowerCase();
  if (lower === 'icmpv6' || lower === 'icmp6') return 'ipv6-icmp';
  const number = intOf(lower);
  if (number !== undefined) return transportOfNumber(number);
  return KNOWN_TRANSPORTS.has(lower) ? lower : undefined;
}

/** An endpoint with only the parts that were readable; undefined when none was. */
export function endpoint(parts: Endpoint): Endpoint | undefined {
  // `compact({ ...parts, nat })` built member by member (see plain-object.ts).
  const members: Endpoint = Object.assign({}, parts);
  members.nat = parts.nat && compact(parts.nat);
  return compact(members);
}

/** `network.type` from an address. */
export function ipVersionOf(ip: string | undefined): 'ipv4' | 'ipv6' | undefined {
  if (ip === undefined) return undefined;
  const version = isIP(ip);
  return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : undefined;
}

/** Drops undefined members so events compare and serialize cleanly. */
export function compact<T extends object>(value: T): T | undefined {
  return withoutUndefined(value);
}

/** Syslog severity names as network devices write them, to their numeric code. */
export const SYSLOG_SEVERITY: Record<string, number> = {
  emergency: 0, emerg: 0, alert: 1, critical: 2, crit: 2, error: 3, err: 3, warning: 4, warn: 4, notice: 5, notification: 5, information: 6, informational: 6, info: 6, debug: 7, debugging: 7,
};

/** A vendor record without its empty columns. */
export function nonEmpty(record: Record<string, string | undefined>): Record<string, string> {
  return withoutEmpty(record);
}
