import { isIP } from 'node:net';
import { Endpoint } from '../../security-event';
import { count, str } from './json-value';

export function ipOrUndefined(value: unknown): string | undefined {
  const text = str(value);
  return text !== undefined && isIP(text) !== 0 ? text : undefined;
}

export function port(value: unknown): number | undefined {
  const n = count(value);
  return n !== undefined && n <= 65535 ? n : undefined;
}

/** An endpoint from an address and a port; undefined when neither is valid. */
export function endpoint(ip: unknown, portValue: unknown): Endpoint | undefined {
  const address = ipOrUndefined(ip);
  const p = port(portValue);
  if (address === undefined && p === undefined) return undefined;
  // Member by member, not with conditional spreads (see plain-object.ts).
  const found: Endpoint = {};
  if (address !== undefined) found.ip = address;
  if (p !== undefined) found.port = p;
  return found;
}

/** ECS `network.transport` is the lowercase IANA keyword (tcp, udp, icmp, ipv6-icmp). */
export function transport(value: unknown): string | undefined {
  const text = str(value);
  return text !== undefined && /^[A-Za-z0-9-]{1,16}$/.test(text) ? text.toLowerCase() : undefined;
}

const HOST_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,251}[A-Za-z0-9_])?\.?$/;

export function isHostName(text: string): boolean {
  return HOST_NAME.test(text);
}

/** `ip`, `ip:port`, `[v6]:port` or `v6` (the last colon group is a port only when the rest is an address). */
export function splitHostPort(text: string): { host: string; port?: number } {
  if (isIP(text) !== 0) return { host: text };
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text);
  if (bracketed) return { host: bracketed[1]!, ...withPort(bracketed[2]) };
  const colon = text.lastIndexOf(':');
  if (colon > 0 && /^\d{1,5}$/.test(text.slice(colon + 1))) return { host: text.slice(0, colon), ...withPort(text.slice(colon + 1)) };
  return { host: text };
}

function withPort(text: string | undefined): { port?: number } {
  const p = port(text);
  return p === undefined ? {} : { port: p };
}
