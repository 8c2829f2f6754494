import { isIPv4, isIPv6 } from 'node:net';
import { unsupported } from './sigma-reason';

/** An address as 16-bit groups: 2 for IPv4, 8 for IPv6. */
type Groups = readonly number[];

function ipv4Groups(text: string): Groups {
  const [a = 0, b = 0, c = 0, d = 0] = text.split('.').map(Number);
  return [(a << 8) | b, (c << 8) | d];
}

function ipv6Groups(text: string): Groups {
  // A trailing dotted quad (`::ffff:1.2.3.4`) is two groups written differently.
  const address = text.replace(/(\d+\.\d+\.\d+\.\d+)$/, (quad) => ipv4Groups(quad).map((g) => g.toString(16)).join(':'));
  const [head = '', rest] = address.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => Number.parseInt(g, 16)));
  const front = parse(head);
  if (rest === undefined) return front;
  const back = parse(rest);
  return [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/** A literal address, with IPv4-mapped IPv6 (`::ffff:10.0.0.5`) read as the IPv4 address. */
export function parseIp(text: string): Groups | undefined {
  const trimmed = text.trim();
  if (isIPv4(trimmed)) return ipv4Groups(trimmed);
  const address = trimmed.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!isIPv6(address)) return undefined;
  const groups = ipv6Groups(address);
  const mapped = groups.slice(0, 6).every((g, i) => (i === 5 ? g === 0xffff : g === 0));
  return mapped ? groups.slice(6) : groups;
}

/** `cidr`: compiles `10.0.0.0/8` or `fe80::/10` into a membership test on address texts. */
export function compileCidr(cidr: string): (text: string) => boolean {
  const [address = '', prefixText] = cidr.trim().split('/');
  const network = parseIp(address);
  if (!network) throw unsupported('invalid-value', `invalid CIDR '${cidr}'`);
  const bits = network.length * 16;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits) throw unsupported('invalid-value', `invalid CIDR '${cidr}'`);
  return (text) => {
    const ip = parseIp(text);
    if (!ip || ip.length !== network.length) return false;
    let remaining = prefix;
    for (let i = 0; remaining > 0; i++, remaining -= 16) {
      const mask = remaining >= 16 ? 0xffff : (0xffff << (16 - remaining)) & 0xffff;
      if (((ip[i]! ^ network[i]!) & mask) !== 0) return false;
    }
    return true;
  };
}
