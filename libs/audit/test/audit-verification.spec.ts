import {
  type AuditChainRecord,
  AuditChainVerifier,
  type AuditEntry,
  chainHash,
  GENESIS_HASH,
  readAuditChain,
  verifyAuditChain,
} from '@soc/audit';

const ENTRIES: AuditEntry[] = [
  { at: '2025-03-01T01:00:00.000Z', actor: 'user:admin', action: 'auth.login', target: 'user:admin', details: { clientIp: '10.0.0.1' } },
  { at: '2025-03-01T01:01:00.123Z', actor: 'user:admin', action: 'users.create', target: 'user:lan', details: { roles: ['agency_it'], name: 'Nguyễn Thị Lan' } },
  { at: '2025-03-01T01:02:00.000Z', actor: 'user:lan', action: 'auth.login', target: 'user:lan', agencyId: 'sở-y-tế', details: { clientIp: '10.0.0.2' } },
  { at: '2025-03-01T01:03:00.000Z', actor: 'user:admin', action: 'roles.update', details: { grant: { role: 'ir_lead', scope: { agencies: ['a', 'b'] } } } },
  { at: '2025-03-01T01:04:00.999Z', actor: 'user:admin', action: 'sources.key_rotated', target: 'source:fw-01', details: {} },
];

/** A chain as AuditRepository writes it: seq from 1, each record linked to the one before. */
function chainOf(entries: AuditEntry[], firstSeq = 1): AuditChainRecord[] {
  let previous = GENESIS_HASH;
  return entries.map((entry, i) => {
    const hash = chainHash(previous, entry);
    const record = { ...entry, seq: firstSeq + i, prevHash: previous, hash };
    previous = hash;
    return record;
  });
}

const verify = (records: AuditChainRecord[]) => verifyAuditChain(records);

describe('AuditChainVerifier', () => {
  it('accepts an intact chain and reports its length, last seq and last hash', async () => {
    const chain = chainOf(ENTRIES);
    expect(await verify(chain)).toEqual({ ok: true, records: 5, lastSeq: 5, lastHash: chain[4]!.hash, unusedSeqs: 0 });
  });

  it('accepts an empty log', async () => {
    expect(await verify([])).toEqual({ ok: true, records: 0, lastSeq: 0, lastHash: GENESIS_HASH, unusedSeqs: 0 });
  });

  it('names a record whose top-level content was edited', async () => {
    const chain = chainOf(ENTRIES);
    chain[2] = { ...chain[2]!, actor: 'user:mallory' };
    expect(await verify(chain)).toEqual({ ok: false, records: 2, firstBroken: { seq: 3, reason: 'content altered: hash does not match the record' } });
  });

  it('names a record whose nested details value was edited', async () => {
    const chain = chainOf(ENTRIES);
    chain[3] = { ...chain[3]!, details: { grant: { role: 'ir_lead', scope: { agencies: ['a', 'c'] } } } };
    expect(await verify(chain)).toMatchObject({ ok: false, records: 3, firstBroken: { seq: 4, reason: 'content altered: hash does not match the record' } });
  });

  it('names a record whose time was moved by a millisecond', async () => {
    const chain = chainOf(ENTRIES);
    chain[1] = { ...chain[1]!, at: '2025-03-01T01:01:00.124Z' };
    expect(await verify(chain)).toMatchObject({ ok: false, firstBroken: { seq: 2, reason: 'content altered: hash does not match the record' } });
  });

  it('names the next record when an edit was hidden by recomputing the edited record hash', async () => {
    const chain = chainOf(ENTRIES);
    const forged = { ...chain[1]!, details: { roles: ['admin'], name: 'Nguyễn Thị Lan' } };
    chain[1] = { ...forged, hash: chainHash(forged.prevHash, forged) };
    expect(await verify(chain)).toEqual({
      ok: false,
      records: 2,
      firstBroken: { seq: 3, reason: "link broken: prev_hash does not match record 2's hash" },
    });
  });

  it('names a record whose prev_hash was edited', async () => {
    const chain = chainOf(ENTRIES);
    chain[3] = { ...chain[3]!, prevHash: 'f'.repeat(64) };
    expect(await verify(chain)).toMatchObject({ ok: false, records: 3, firstBroken: { seq: 4, reason: "link broken: prev_hash does not match record 3's hash" } });
  });

  it('names the first record when it does not start from the genesis hash', async () => {
    const chain = chainOf(ENTRIES);
    chain[0] = { ...chain[0]!, prevHash: 'f'.repeat(64) };
    expect(await verify(chain)).toEqual({
      ok: false,
      records: 0,
      firstBroken: { seq: 1, reason: 'link broken: prev_hash does not match the genesis hash (first record)' },
    });
  });

  it('names a deleted record as missing', async () => {
    const chain = chainOf(ENTRIES);
    expect(await verify([chain[0]!, chain[1]!, chain[3]!, chain[4]!])).toEqual({
      ok: false,
      records: 2,
      firstBroken: { seq: 3, reason: "record 3 missing: record 4's prev_hash does not match record 2's hash" },
    });
  });

  it('names a run of deleted records as a range', async () => {
    const chain = chainOf(ENTRIES);
    expect(await verify([chain[0]!, chain[3]!, chain[4]!])).toMatchObject({
      ok: false,
      records: 1,
      firstBroken: { seq: 2, reason: "records 2–3 missing: record 4's prev_hash does not match record 1's hash" },
    });
  });

  it('names deleted first records as missing', async () => {
    const chain = chainOf(ENTRIES);
    expect(await verify(chain.slice(2))).toMatchObject({
      ok: false,
      records: 0,
      firstBroken: { seq: 1, reason: "records 1–2 missing: record 3's prev_hash does not match the genesis hash (first record)" },
    });
  });

  it('accepts seq numbers left unused by rolled-back appends, since the links stay intact, and counts them', async () => {
    const chain = chainOf(ENTRIES).map((record, i) => ({ ...record, seq: [3, 4, 7, 8, 9][i]! }));
    expect(await verify(chain)).toEqual({ ok: true, records: 5, lastSeq: 9, lastHash: chain[4]!.hash, unusedSeqs: 4 });
  });

  it('names records delivered out of seq order', async () => {
    const chain = chainOf(ENTRIES);
    expect(await verify([chain[0]!, chain[2]!, chain[1]!])).toMatchObject({
      ok: false,
      records: 1,
      // Record 3 arrives where 2 should: a gap whose link does not hold.
      firstBroken: { seq: 2, reason: "record 2 missing: record 3's prev_hash does not match record 1's hash" },
    });
    const verifier = new AuditChainVerifier();
    verifier.add(chain[0]!);
    verifier.add(chain[1]!);
    expect(verifier.add(chain[0]!)).toEqual({ seq: 1, reason: 'out of order: record 1 comes after record 2' });
  });

  it('names the first swapped record when two records traded places and seq numbers', async () => {
    const chain = chainOf(ENTRIES);
    const swapped = [chain[0]!, { ...chain[2]!, seq: 2 }, { ...chain[1]!, seq: 3 }, chain[3]!, chain[4]!];
    expect(await verify(swapped)).toMatchObject({
      ok: false,
      records: 1,
      firstBroken: { seq: 2, reason: "link broken: prev_hash does not match record 1's hash" },
    });
  });

  it('rejects a sequence number that is not a positive whole number', () => {
    const [first] = chainOf(ENTRIES);
    expect(new AuditChainVerifier().add({ ...first!, seq: 0 })).toEqual({ seq: 0, reason: 'invalid sequence number 0' });
  });

  it('keeps reporting the first problem once the chain is broken', () => {
    const chain = chainOf(ENTRIES);
    const verifier = new AuditChainVerifier();
    verifier.add(chain[0]!);
    const first = verifier.add({ ...chain[1]!, action: 'users.delete' });
    expect(first).toEqual({ seq: 2, reason: 'content altered: hash does not match the record' });
    expect(verifier.add(chain[2]!)).toBe(first);
    expect(verifier.result()).toEqual({ ok: false, records: 1, firstBroken: first });
  });
});

describe('readAuditChain', () => {
  /** A fake repository over an in-memory chain that records which pages were asked for. */
  function sourceOf(chain: AuditChainRecord[]) {
    const requests: Array<[number, number]> = [];
    return {
      requests,
      readChain: (afterSeq: number, limit: number) => {
        requests.push([afterSeq, limit]);
        return Promise.resolve(chain.filter((r) => r.seq > afterSeq).slice(0, limit));
      },
    };
  }

  it('walks the log page by page after the last seq seen, until a short page', async () => {
    const chain = chainOf(ENTRIES).map((record, i) => ({ ...record, seq: [1, 2, 5, 6, 7][i]! }));
    const source = sourceOf(chain);
    expect(await verifyAuditChain(readAuditChain(source, 2))).toMatchObject({ ok: true, records: 5, lastSeq: 7 });
    expect(source.requests).toEqual([
      [0, 2],
      [2, 2],
      [6, 2],
    ]);
  });

  it('reads one empty page past a log that ends on a page boundary', async () => {
    const source = sourceOf(chainOf(ENTRIES.slice(0, 4)));
    expect(await verifyAuditChain(readAuditChain(source, 2))).toMatchObject({ ok: true, records: 4 });
    expect(source.requests.map(([after]) => after)).toEqual([0, 2, 4]);
  });

  it('stops reading at the first problem', async () => {
    const chain = chainOf(ENTRIES);
    chain[0] = { ...chain[0]!, actor: 'user:mallory' };
    const source = sourceOf(chain);
    expect(await verifyAuditChain(readAuditChain(source, 2))).toMatchObject({ ok: false, firstBroken: { seq: 1 } });
    expect(source.requests).toEqual([[0, 2]]);
  });

  it('refuses a page size that would never advance', async () => {
    await expect(verifyAuditChain(readAuditChain(sourceOf([]), 0))).rejects.toThrow('page size must be a positive whole number');
  });
});
