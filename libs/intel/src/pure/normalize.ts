import { formatNetwork, parseNetwork } from '@soc/net';
import type { IndicatorType, IndicatorTypeInput } from './indicator';

export type NormalizeResult = { ok: true; type: IndicatorType; value: string } | { ok: false; reason: string };

/** Longest value kept, in UTF-8 bytes: values are unique-indexed, and PostgreSQL caps a b-tree entry. */
export const MAX_VALUE_BYTES = 2048;

const TYPE_ALIASES: Record<string, IndicatorTypeInput> = {
  ip: 'ip', ipv4: 'ip', ipv6: 'ip', 'ip-src': 'ip', 'ip-dst': 'ip', cidr: 'ip', 'ipv4-addr': 'ip', 'ipv6-addr': 'ip',
  domain: 'domain', 'domain-name': 'domain', hostname: 'domain', fqdn: 'domain',
  url: 'url', uri: 'url',
  md5: 'md5', sha1: 'sha1', 'sha-1': 'sha1', sha256: 'sha256', 'sha-256': 'sha256',
  hash: 'hash', filehash: 'hash', 'file-hash': 'hash', file_hash: 'hash',
};

/** The names accepted for each type (case-insensitive), for messages. */
export const TYPE_NAMES = 'ip, domain, url, md5, sha1, sha256 or hash';

/** `IPv4`, `domain-name`, `SHA-256`, `hash` ... → the type; undefined when unknown. */
export function parseIndicatorType(text: string): IndicatorTypeInput | undefined {
  return TYPE_ALIASES[text.trim().toLowerCase()];
}

/**
 * Undoes the usual defanging of published indicators: `hxxp://`, `[.]`, `(.)`, `{.}`, `[dot]`, `[:]`,
 * `[://]`. Applied to indicators only (events are never defanged).
 */
export function refang(text: string): string {
  if (!/[[({]|^hxxp/i.test(text)) return text;
  return text
    .replace(/^hxxp(s?)(?=:|\[:)/i, 'http$1')
    .replace(/\[:\/\/\]/g, '://')
    .replace(/\[:\]/g, ':')
    .replace(/\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)/gi, '.');
}

/** An address or CIDR network in canonical text: `203.0.113.5`, `10.1.0.0/16` (host bits cleared), `2001:db8::/32`. */
export function normalizeIp(text: string): string | undefined {
  const network = parseNetwork(text);
  if (!network) return undefined;
  const canonical = formatNetwork(network);
  const hostSized = network.prefix === (network.version === 4 ? 32 : 128);
  return hostSized ? canonical.slice(0, canonical.lastIndexOf('/')) : canonical;
}

const HASH_TYPE_BY_LENGTH: Record<number, IndicatorType> = { 32: 'md5', 40: 'sha1', 64: 'sha256' };
const HEX = /^[0-9a-f]+$/;

/** Lower-case hex of 32, 40 or 64 digits, typed by its length. */
export function normalizeHash(text: string): { type: IndicatorType; value: string } | undefined {
  const value = text.trim().toLowerCase();
  const type = HASH_TYPE_BY_LENGTH[value.length];
  return type && HEX.test(value) ? { type, value } : undefined;
}

const ABSOLUTE_URL = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^#]*)/s;
const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443', ws: '80', wss: '443', ftp: '21' };

/**
 * An absolute URL in canonical form: scheme and host lower-case, user info dropped, default port
 * removed, fragment removed, an empty path as `/`. Path and query are kept exactly as given
 * (no percent-decoding, no dot-segment removal). Undefined when not an absolute URL with a host.
 */
export function normalizeUrl(text: string): string | undefined {
  const match = ABSOLUTE_URL.exec(text.trim());
  if (!match) return undefined;
  const scheme = match[1]!.toLowerCase();
  let authority = match[2]!;
  authority = authority.slice(authority.lastIndexOf('@') + 1);
  let host = authority;
  let port = '';
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close < 0) return undefined;
    host = authority.slice(0, close + 1);
    const rest = authority.slice(close + 1);
    if (rest !== '' && !/^:\d*$/.test(rest)) return undefined;
    port = rest.slice(1);
  } else {
    const colon = authority.lastIndexOf(':');
    if (colon >= 0) {
      port = authority.slice(colon + 1);
      host = authority.slice(0, colon);
      if (!/^\d*$/.test(port)) return undefined;
    }
  }
  host = host.toLowerCase();
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host === '') return undefined;
  if (port !== '') {
    const number = Number(port);
    if (number > 65535) return undefined;
    port = String(number) === DEFAULT_PORTS[scheme] ? '' : `:${number}`;
  }
  const rest = match[3]!;
  return `${scheme}://${host}${port}${rest.startsWith('/') ? rest : `/${rest}`}`;
}

/** The host of an absolute URL as `normalizeUrl` gives it (lower-case, no brackets around IPv6). */
export function hostOfNormalizedUrl(url: string): string {
  const start = url.indexOf('://') + 3;
  let end = start;
  if (url[start] === '[') end = url.indexOf(']', start) + 1;
  while (end < url.length && url[end] !== '/' && url[end] !== ':') end++;
  const host = url.slice(start, end);
  return host.startsWith('[') ? host.slice(1, -1) : host;
}

const LABEL = /^[\p{L}\p{N}\p{M}_-]{1,63}$/u;
const HAS_LETTER = /[\p{L}_-]/u;

/** A domain name: lower-case, trailing dot removed, IDN left as given (Unicode and xn-- forms differ). */
function domainOf(text: string): { value: string } | { reason: string } {
  let value = text.trim().toLowerCase();
  if (value.endsWith('.')) value = value.slice(0, -1);
  if (value === '') return { reason: 'empty domain' };
  if (value.includes('*')) return { reason: `'${text}': no wildcards — a listed domain already matches all its subdomains` };
  if (normalizeIp(value) !== undefined) return { reason: `'${text}' is an IP address: use type ip` };
  if (/[/:@?#]/.test(value)) return { reason: `'${text}' is not a domain name (a URL? use type url, with its scheme)` };
  const labels = value.split('.');
  if (labels.length < 2) return { reason: `'${text}': a single-label name would match too much; give at least two labels` };
  if (value.length > 253 || !labels.every((label) => LABEL.test(label))) return { reason: `'${text}' is not a valid domain name` };
  if (!HAS_LETTER.test(labels[labels.length - 1]!)) return { reason: `'${text}' is not a valid domain name (numeric top-level label)` };
  return { value };
}

/** The lookup key of a domain seen in an event: lower-case, trailing dot removed; no validation. */
export function domainKey(text: string): string {
  const lower = text.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

function inferType(value: string): IndicatorType | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return 'url';
  if (normalizeIp(value) !== undefined) return 'ip';
  if (normalizeHash(value) !== undefined) return normalizeHash(value)!.type;
  if (!('reason' in domainOf(value))) return 'domain';
  return undefined;
}

/**
 * An indicator value in canonical form, with its type (inferred from the value when not given, and
 * for `hash` from the length). Defanged values are refanged first. Never throws.
 */
export function normalizeIndicator(text: string, type?: IndicatorTypeInput): NormalizeResult {
  const input = refang(text.trim());
  if (input === '') return { ok: false, reason: 'empty value' };
  if (/[\s\u0000-\u001f\u007f]/.test(input)) return { ok: false, reason: `'${preview(text)}' contains white space or control characters` };
  const resolved = type ?? inferType(input);
  if (!resolved) {
    return { ok: false, reason: `cannot tell the type of '${preview(text)}': not an IP address or CIDR network, domain name, URL (with scheme) or MD5/SHA-1/SHA-256 hash` };
  }
  const result = normalizeAs(input, resolved);
  if (result.ok && Buffer.byteLength(result.value, 'utf8') > MAX_VALUE_BYTES) return { ok: false, reason: `value longer than ${MAX_VALUE_BYTES} bytes` };
  return result;
}

function normalizeAs(input: string, type: IndicatorTypeInput): NormalizeResult {
  switch (type) {
    case 'ip': {
      const value = normalizeIp(input);
      return value === undefined ? { ok: false, reason: `'${preview(input)}' is not an IP address or CIDR network` } : { ok: true, type, value };
    }
    case 'domain': {
      const domain = domainOf(input);
      return 'reason' in domain ? { ok: false, reason: domain.reason } : { ok: true, type, value: domain.value };
    }
    case 'url': {
      const value = normalizeUrl(input);
      if (value === undefined) return { ok: false, reason: `'${preview(input)}' is not an absolute URL (scheme://host/...)` };
      return { ok: true, type, value };
    }
    case 'md5':
    case 'sha1':
    case 'sha256':
    case 'hash': {
      const hash = normalizeHash(input);
      if (!hash) return { ok: false, reason: `'${preview(input)}' is not an MD5, SHA-1 or SHA-256 hash (32, 40 or 64 hex digits)` };
      if (type !== 'hash' && hash.type !== type) return { ok: false, reason: `'${preview(input)}' has ${hash.value.length} hex digits: a ${hash.type}, not a ${type}` };
      return { ok: true, type: hash.type, value: hash.value };
    }
  }
}

function preview(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
