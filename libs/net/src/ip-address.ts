import { isIPv4, isIPv6 } from 'node:net';

/** An address as a number, so networks compare by masking; IPv4-mapped IPv6 counts as IPv4. */
export interface IpNumber {
  version: 4 | 6;
  value: bigint;
}

export interface IpNetwork extends IpNumber {
  prefix: number;
}

const BITS = { 4: 32, 6: 128 } as const;

export function parseIp(text: string): IpNumber | undefined {
  const address = text.trim();
  if (isIPv4(address)) return { version: 4, value: ipv4Value(address) };
  if (!isIPv6(address)) return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { version: 4, value: ipv4Value(mapped[1]!) };
  return { version: 6, value: ipv6Value(address) };
}

/** `10.1.0.0/16`, `2001:db8::/32`, or a single address (a host-sized network). */
export function parseNetwork(text: string): IpNetwork | undefined {
  const [address = '', prefixText, ...rest] = text.trim().split('/');
  if (rest.length > 0) return undefined;
  const ip = parseIp(address);
  if (!ip) return undefined;
  const bits = BITS[ip.version];
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefix > bits) return undefined;
  return { ...ip, prefix, value: maskTo(ip.value, ip.version, prefix) };
}

/** The address with its host bits cleared. */
export function maskTo(value: bigint, version: 4 | 6, prefix: number): bigint {
  const bits = BigInt(BITS[version]);
  const hostBits = bits - BigInt(prefix);
  return (value >> hostBits) << hostBits;
}

/** Canonical text, as PostgreSQL's `cidr` prints it (`10.1.0.0/16`, `2001:db8::/32`). */
export function formatNetwork({ version, value, prefix }: IpNetwork): string {
  if (version === 4) return `${[24n, 16n, 8n, 0n].map((shift) => (value >> shift) & 255n).join('.')}/${prefix}`;
  const groups = Array.from({ length: 8 }, (_, i) => ((value >> BigInt((7 - i) * 16)) & 0xffffn).toString(16));
  // Collapse the longest run of zero groups (RFC 5952).
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best.length && j - i > 1) best = { start: i, length: j - i };
    i = j;
  }
  const text = best.start < 0 ? groups.join(':') : `${groups.slice(0, best.start).join(':')}::${groups.slice(best.start + best.length).join(':')}`;
  return `${text}/${prefix}`;
}

function ipv4Value(address: string): bigint {
  return address.split('.').reduce((value, octet) => (value << 8n) | BigInt(Number(octet)), 0n);
}

function ipv6Value(address: string): bigint {
  let text = address.split('%')[0]!; // zone index (fe80::1%eth0) is not part of the address
  const embedded = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (embedded) {
    const v4 = ipv4Value(embedded[1]!);
    text = `${text.slice(0, -embedded[1]!.length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  return [...headGroups, ...zeros, ...tailGroups].reduce((value, group) => (value << 16n) | BigInt(parseInt(group, 16)), 0n);
}
