import { createHash } from 'node:crypto';
import { type AuditEntry, canonicalJson, chainHash, GENESIS_HASH } from '@soc/audit';

const ENTRY: AuditEntry = {
  at: '2024-05-01T03:00:00.000Z',
  actor: 'user:alice',
  action: 'alerts.status_changed',
  target: 'alert:42',
  agencyId: 'agency-a',
  details: { from: 'new', to: 'acknowledged', nested: { b: 2, a: [1, { y: true, x: null }] } },
};

describe('canonicalJson', () => {
  it('sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[{"y":2,"z":1}]},"b":1}');
  });

  it('drops undefined values', () => {
    expect(canonicalJson({ a: undefined, b: { c: undefined, d: 1 } })).toBe('{"b":{"d":1}}');
  });

  it('encodes scalars and arrays as JSON, keeping array order', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson('a"b')).toBe('"a\\"b"');
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson({ 'k"ey': 1 })).toBe('{"k\\"ey":1}');
  });

  it('is valid JSON with the same content', () => {
    const value = { b: [1, 'two', null, { d: false, c: 1.5 }], a: 'ä\n' };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });
});

describe('chainHash', () => {
  it('is a sha256 over the previous hash and the canonical content', () => {
    const hash = chainHash(GENESIS_HASH, ENTRY);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const content = canonicalJson({ ...ENTRY });
    expect(hash).toBe(createHash('sha256').update(`${GENESIS_HASH}\n${content}`, 'utf8').digest('hex'));
  });

  it('ignores key order', () => {
    const reordered: AuditEntry = {
      details: { nested: { a: [1, { x: null, y: true }], b: 2 }, to: 'acknowledged', from: 'new' },
      agencyId: 'agency-a',
      target: 'alert:42',
      action: 'alerts.status_changed',
      actor: 'user:alice',
      at: '2024-05-01T03:00:00.000Z',
    };
    expect(chainHash(GENESIS_HASH, reordered)).toBe(chainHash(GENESIS_HASH, ENTRY));
  });

  it('treats a missing target or agency as null', () => {
    const bare: AuditEntry = { at: ENTRY.at, actor: ENTRY.actor, action: ENTRY.action, details: {} };
    expect(chainHash(GENESIS_HASH, bare)).toBe(chainHash(GENESIS_HASH, { ...bare, target: null, agencyId: null }));
  });

  it.each<[string, Partial<AuditEntry>]>([
    ['actor', { actor: 'user:mallory' }],
    ['action', { action: 'alerts.deleted' }],
    ['at', { at: '2024-05-01T03:00:00.001Z' }],
    ['target', { target: 'alert:43' }],
    ['target (to null)', { target: null }],
    ['agencyId', { agencyId: 'agency-b' }],
    ['a details value', { details: { ...ENTRY.details, to: 'closed' } }],
    ['a nested details value', { details: { ...ENTRY.details, nested: { b: 2, a: [1, { y: false, x: null }] } } }],
    ['a details key', { details: { ...ENTRY.details, extra: 1 } }],
  ])('changes when %s changes', (_field, change) => {
    expect(chainHash(GENESIS_HASH, { ...ENTRY, ...change })).not.toBe(chainHash(GENESIS_HASH, ENTRY));
  });

  it('depends on the previous hash', () => {
    const other = 'f'.repeat(64);
    expect(chainHash(other, ENTRY)).not.toBe(chainHash(GENESIS_HASH, ENTRY));
  });

  it('links a chain that verifies by recomputation and breaks after an edit', () => {
    const entries: AuditEntry[] = [
      { at: '2024-05-01T03:00:00.000Z', actor: 'user:alice', action: 'auth.login', target: 'user:alice', details: { clientIp: '10.0.0.1' } },
      { at: '2024-05-01T03:01:00.000Z', actor: 'user:alice', action: 'users.create', target: 'user:bob', details: { roles: ['agency_it'] } },
      { at: '2024-05-01T03:02:00.000Z', actor: 'user:bob', action: 'auth.login', target: 'user:bob', details: { clientIp: '10.0.0.2' } },
    ];
    const records: Array<{ entry: AuditEntry; prevHash: string; hash: string }> = [];
    let previous = GENESIS_HASH;
    for (const entry of entries) {
      const hash = chainHash(previous, entry);
      records.push({ entry, prevHash: previous, hash });
      previous = hash;
    }
    expect(new Set(records.map((r) => r.hash)).size).toBe(3);

    const verify = (chain: typeof records): boolean => {
      let prev = GENESIS_HASH;
      for (const record of chain) {
        if (record.prevHash !== prev || chainHash(prev, record.entry) !== record.hash) return false;
        prev = record.hash;
      }
      return true;
    };
    expect(verify(records)).toBe(true);

    const tampered = records.map((r) => ({ ...r }));
    tampered[1]!.entry = { ...entries[1]!, details: { roles: ['admin'] } };
    expect(verify(tampered)).toBe(false);

    // Re-hashing the edited middle record to hide the edit still breaks its link to the third.
    const rehashed = chainHash(records[0]!.hash, tampered[1]!.entry);
    expect(rehashed).not.toBe(records[1]!.hash);
    expect(records[2]!.prevHash).toBe(records[1]!.hash);
    expect(chainHash(rehashed, entries[2]!)).not.toBe(records[2]!.hash);

    // Deleting the middle record breaks the chain too.
    expect(verify([records[0]!, records[2]!])).toBe(false);
  });

  // AuditRepository stores `JSON.stringify(entry.details)` and hashes the in-memory details, so a
  // verifier recomputing from stored rows sees the JSON round trip of details.
  const roundTripped = (entry: AuditEntry): AuditEntry => ({ ...entry, details: JSON.parse(JSON.stringify(entry.details)) as Record<string, unknown> });

  it('survives the JSON round trip of ordinary details', () => {
    const entry: AuditEntry = { ...ENTRY, details: { ...ENTRY.details, gone: undefined, n: 1.0, list: ['a', null, 2] } };
    expect(chainHash(GENESIS_HASH, roundTripped(entry))).toBe(chainHash(GENESIS_HASH, entry));
  });

  // The stored row holds JSON.stringify's view of the details, so the hash must take the same view.
  it('survives the JSON round trip of undefined array items', () => {
    const entry: AuditEntry = { ...ENTRY, details: { list: [1, undefined, 2] } };
    expect(chainHash(GENESIS_HASH, roundTripped(entry))).toBe(chainHash(GENESIS_HASH, entry));
  });

  it('survives the JSON round trip of a Date in details', () => {
    const entry: AuditEntry = { ...ENTRY, details: { when: new Date('2024-05-01T03:00:00.000Z') } };
    expect(chainHash(GENESIS_HASH, roundTripped(entry))).toBe(chainHash(GENESIS_HASH, entry));
  });
});
