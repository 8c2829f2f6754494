import { AuditChainRecord } from './audit-verification';

/** The one read the chain walk needs; `AuditRepository` provides it. */
export interface AuditChainSource {
  readChain(afterSeq: number, limit: number): Promise<AuditChainRecord[]>;
}

/**
 * Yields the whole audit log in ascending seq order, one page in memory at a time (keyset paging on
 * seq, so records appended meanwhile are simply read at the end). Stops fetching when the consumer stops.
 */
export async function* readAuditChain(source: AuditChainSource, pageSize: number): AsyncGenerator<AuditChainRecord> {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`page size must be a positive whole number (got ${pageSize})`);
  let afterSeq = 0;
  for (;;) {
    const page = await source.readChain(afterSeq, pageSize);
    yield* page;
    const last = page[page.length - 1];
    if (!last || page.length < pageSize) return;
    afterSeq = last.seq;
  }
}
