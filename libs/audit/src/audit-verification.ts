import { AuditEntry, chainHash, GENESIS_HASH } from './audit-chain';

/** One stored audit record as the verifier needs it: the content plus its place and links in the chain. */
export interface AuditChainRecord extends AuditEntry {
  seq: number;
  prevHash: string;
  hash: string;
}

/** Where the chain first stops being trustworthy, and why, as a sentence for a person. */
export interface AuditChainBreak {
  seq: number;
  reason: string;
}

export type AuditVerification =
  | {
      ok: true;
      /** Records checked (all of them). */
      records: number;
      /** Sequence number and hash of the last record; 0 and the genesis hash for an empty log. */
      lastSeq: number;
      lastHash: string;
      /**
       * Sequence numbers skipped while the links stay intact. PostgreSQL never hands a sequence number
       * back, so an append whose transaction rolled back (or a crash) leaves one unused; nothing committed
       * was lost, because the next record links to the one before the gap.
       */
      unusedSeqs: number;
    }
  | { ok: false; records: number; firstBroken: AuditChainBreak };

const describeRange = (from: number, to: number): string => (from === to ? `record ${from}` : `records ${from}–${to}`);

/**
 * Checks an audit chain one record at a time, in ascending seq order, holding only the last record's
 * seq and hash: a log of any length verifies in constant memory, page by page.
 *
 * Per record: seq moves forward; prev_hash is the previous record's hash (the genesis hash for the
 * first); the hash recomputes from the content. A deleted record shows as a seq gap whose next record
 * no longer links back, and is named as missing. Stops at the first problem.
 */
export class AuditChainVerifier {
  private records = 0;
  private lastSeq = 0;
  private lastHash = GENESIS_HASH;
  private unusedSeqs = 0;
  private broken: AuditChainBreak | undefined;

  /** Checks the next record; returns the first problem found so far (this one or an earlier one). */
  add(record: AuditChainRecord): AuditChainBreak | undefined {
    if (this.broken) return this.broken;
    const problem = this.check(record);
    if (problem) {
      this.broken = problem;
      return problem;
    }
    this.unusedSeqs += record.seq - this.lastSeq - 1;
    this.records += 1;
    this.lastSeq = record.seq;
    this.lastHash = record.hash;
    return undefined;
  }

  result(): AuditVerification {
    if (this.broken) return { ok: false, records: this.records, firstBroken: this.broken };
    return { ok: true, records: this.records, lastSeq: this.lastSeq, lastHash: this.lastHash, unusedSeqs: this.unusedSeqs };
  }

  private check(record: AuditChainRecord): AuditChainBreak | undefined {
    const { seq } = record;
    if (!Number.isSafeInteger(seq) || seq < 1) return { seq, reason: `invalid sequence number ${seq}` };
    if (seq <= this.lastSeq) return { seq, reason: `out of order: record ${seq} comes after record ${this.lastSeq}` };

    if (record.prevHash !== this.lastHash) {
      const previous = this.records === 0 ? 'the genesis hash (first record)' : `record ${this.lastSeq}'s hash`;
      const firstMissing = this.lastSeq + 1;
      if (seq > firstMissing) {
        return { seq: firstMissing, reason: `${describeRange(firstMissing, seq - 1)} missing: record ${seq}'s prev_hash does not match ${previous}` };
      }
      return { seq, reason: `link broken: prev_hash does not match ${previous}` };
    }

    // chainHash reads the content fields only, so the record's own seq and hashes do not enter it.
    if (chainHash(record.prevHash, record) !== record.hash) return { seq, reason: 'content altered: hash does not match the record' };
    return undefined;
  }
}

/** Verifies records given in ascending seq order (e.g. read page by page); stops reading at the first problem. */
export async function verifyAuditChain(records: AsyncIterable<AuditChainRecord> | Iterable<AuditChainRecord>): Promise<AuditVerification> {
  const verifier = new AuditChainVerifier();
  for await (const record of records) {
    if (verifier.add(record)) break;
  }
  return verifier.result();
}
