import { createHash } from 'node:crypto';

/** What is recorded about one security-relevant action. */
export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  target?: string | null;
  agencyId?: string | null;
  details: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every depth, so the same content always hashes the same. Values
 * are taken as `JSON.stringify` stores them (toJSON, undefined array items as null), so a hash
 * recomputed from the stored row matches.
 */
export function canonicalJson(value: unknown): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  }
  if (Array.isArray(value)) return `[${value.map((item: unknown) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Each record's hash covers the previous record's hash, so editing or deleting any record breaks every later link. */
export function chainHash(previousHash: string, entry: AuditEntry): string {
  const content = canonicalJson({
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    target: entry.target ?? null,
    agencyId: entry.agencyId ?? null,
    details: entry.details,
  });
  return createHash('sha256').update(`${previousHash}\n${content}`, 'utf8').digest('hex');
}
