import { scoId } from './deterministic-ids';
import type { SharedObservable } from './shared-incident';

/** A cyber-observable object (SCO) of STIX 2.1 §6, as we emit them. */
export interface StixSco {
  type: 'ipv4-addr' | 'ipv6-addr' | 'domain-name' | 'url' | 'file' | 'user-account';
  spec_version: '2.1';
  id: string;
  value?: string;
  hashes?: Record<string, string>;
  account_login?: string;
  object_marking_refs?: string[];
}

/** How one observable is told in STIX: its SCO, and the pattern of its indicator when it is one. */
export interface StixObservable {
  sco: StixSco;
  /** Absent for users and hosts: they are what was attacked, not something to watch for. */
  pattern?: string;
}

const HASH_BY_LENGTH: Readonly<Record<number, string>> = { 32: 'MD5', 40: 'SHA-1', 64: 'SHA-256', 128: 'SHA-512' };
/** A host name that is a fully qualified domain name; single-label names have no STIX 2.1 SCO. */
const FQDN = /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/**
 * A string literal of the STIX patterning grammar (STIX 2.1 §9): single-quoted, with `\` and `'`
 * escaped by a backslash, the only two escapes the grammar defines.
 */
export function patternString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * The SCO (with its deterministic id from the ID contributing properties of STIX 2.1 §6: `value` for
 * addresses, domains and URLs, `hashes` for files, `account_login` among account_type/user_id/account_login
 * for accounts) and, for IPs, domains, URLs and hashes, an equality pattern. Undefined when STIX has no
 * object for it (a single-label host name, a hash of unknown length).
 */
export function stixObservable(observable: SharedObservable): StixObservable | undefined {
  const { type, value } = observable;
  switch (type) {
    case 'ip': {
      const scoType = value.includes(':') ? 'ipv6-addr' : 'ipv4-addr';
      return { sco: sco(scoType, { value }), pattern: `[${scoType}:value = ${patternString(value)}]` };
    }
    case 'domain':
      return { sco: sco('domain-name', { value }), pattern: `[domain-name:value = ${patternString(value)}]` };
    case 'url':
      return { sco: sco('url', { value }), pattern: `[url:value = ${patternString(value)}]` };
    case 'hash': {
      const algorithm = /^[0-9a-f]+$/i.test(value) ? HASH_BY_LENGTH[value.length] : undefined;
      if (!algorithm) return undefined;
      const hash = value.toLowerCase();
      // Hash names with a hyphen must be quoted in an object path (STIX 2.1 §9.4).
      const key = algorithm.includes('-') ? `'${algorithm}'` : algorithm;
      return { sco: sco('file', { hashes: { [algorithm]: hash } }), pattern: `[file:hashes.${key} = ${patternString(hash)}]` };
    }
    case 'user':
      return { sco: sco('user-account', { account_login: value }) };
    case 'host':
      return FQDN.test(value) ? { sco: sco('domain-name', { value }) } : undefined;
  }
}

function sco(type: StixSco['type'], properties: { value: string } | { hashes: Record<string, string> } | { account_login: string }): StixSco {
  return { type, spec_version: '2.1', id: scoId(type, properties), ...properties };
}
