import { createHash } from 'node:crypto';

/**
 * The namespace STIX 2.1 (§2.9 Identifier) fixes for the UUIDv5 of cyber-observable objects (SCOs), so
 * that every producer derives the same id for the same observable. SDOs and SROs MUST NOT use it.
 * Source: STIX Version 2.1, §2.9 and §3.4, https://docs.oasis-open.org/cti/stix/v2.1/os/stix-v2.1-os.html
 */
export const SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

/**
 * Our own namespace for the ids of what we author (identity, indicators, observed data, sightings,
 * bundles, MISP uuids): UUIDv5 of stable names, so a re-export of an unchanged incident is identical.
 * A fixed random UUID, generated once for this SOC; never the SCO namespace above.
 */
export const SOC_NAMESPACE = '5b76be7f-defb-47c4-88fd-4898bdb72c0f';

/** RFC 4122 §4.3 name-based UUID, version 5 (SHA-1). */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * RFC 8785 (JSON Canonicalization Scheme) for the values we hash: members sorted by UTF-16 code units
 * (JavaScript's default sort), strings and numbers as ECMAScript's JSON.stringify writes them, no spaces.
 */
export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key]!)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** `type--uuid` of an SCO from its ID contributing properties (STIX 2.1 §2.9: UUIDv5 of their JCS form). */
export function scoId(type: string, contributing: { [key: string]: Json }): string {
  return `${type}--${uuidV5(SCO_NAMESPACE, canonicalJson(contributing))}`;
}

/** `type--uuid` of an object we author, from a name that is stable for what it describes. */
export function ownId(type: string, name: string): string {
  return `${type}--${uuidV5(SOC_NAMESPACE, `${type}|${name}`)}`;
}
