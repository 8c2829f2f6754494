import { agenciesScope, ALL_AGENCIES, type AgencyScope } from '@soc/shared';
import { type FeedFilters, isDeliverable, LiveFeedAckRepository, type OutboxEntry, OutboxRepository, selectionFor } from '@soc/realtime';
import { TransactionRunner } from '@soc/storage';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';

/** The outbox's priority column and replay query, and the per-user acks, on real PostgreSQL. */
describe('OutboxRepository and LiveFeedAckRepository (real PostgreSQL)', () => {
  let db: TestDatabase;
  let soc: TestApp;
  let outbox: OutboxRepository;
  let acks: LiveFeedAckRepository;
  let transactions: TransactionRunner;
  const append = (entries: OutboxEntry[]) => transactions.run((tx) => outbox.append(tx, entries));

  beforeAll(async () => {
    db = await createTestDatabase();
    soc = await startTestApp(db.url);
    outbox = soc.app.get(OutboxRepository);
    acks = soc.app.get(LiveFeedAckRepository);
    transactions = soc.app.get(TransactionRunner);
  });
  afterAll(async () => {
    await soc?.close();
    await db?.drop();
  });

  it('stores the priority (or none) and reads it back; appends without one still work', async () => {
    const before = await outbox.lastSeq();
    await append([
      { type: 'incident.created', agencyId: 'so-a', priority: 'P1', payload: { n: 1 } },
      { type: 'source.silent', agencyId: 'so-a', payload: { n: 2 } },
      { type: 'alert.created', agencyId: null, priority: null, payload: { n: 3 } },
    ]);
    const read = await outbox.readAfter(before, 10);
    expect(read.map((m) => [m.message.type, m.agencyId, m.priority, m.message.data])).toEqual([
      ['incident.created', 'so-a', 'P1', { n: 1 }],
      ['source.silent', 'so-a', null, { n: 2 }],
      ['alert.created', null, null, { n: 3 }],
    ]);
  });

  it('refuses a priority outside P1..P4', async () => {
    await expect(append([{ type: 'incident.created', agencyId: null, priority: 'P9' as 'P1', payload: {} }])).rejects.toThrow(/outbox_priority_check/);
  });

  it('selects for replay exactly what the live path delivers, for every scope and filter', async () => {
    const before = await outbox.lastSeq();
    const entries: OutboxEntry[] = [];
    for (const type of ['alert.created', 'incident.updated', 'sla.breached', 'source.silent'] as const) {
      for (const agencyId of ['so-a', 'so-b', null]) {
        for (const priority of ['P1', 'P2', 'P3', 'P4', null] as const) entries.push({ type, agencyId, priority, payload: { type, agencyId, priority } });
      }
    }
    await append(entries);
    const all = await outbox.readAfter(before, 1000);
    const cases: Array<[AgencyScope, FeedFilters]> = [
      [ALL_AGENCIES, {}],
      [ALL_AGENCIES, { minPriority: 'P2' }],
      [ALL_AGENCIES, { agencies: ['so-b'], types: ['sla.breached', 'source.silent'] }],
      [agenciesScope(['so-a']), {}],
      [agenciesScope(['so-a']), { agencies: ['so-b'] }],
      [agenciesScope(['so-a', 'so-b']), { agencies: ['so-b', 'so-c'], minPriority: 'P3', types: ['incident.updated'] }],
    ];
    for (const [scope, filters] of cases) {
      const selection = selectionFor(scope, filters);
      // Paged in threes, as a replay reads.
      const replayed: number[] = [];
      for (let cursor = before; ; ) {
        const page = await outbox.readSelectedAfter(cursor, selection, 3);
        replayed.push(...page.map((m) => m.message.seq));
        if (page.length < 3) break;
        cursor = page[page.length - 1]!.message.seq;
      }
      expect({ scope, filters, seqs: replayed }).toEqual({ scope, filters, seqs: all.filter((m) => isDeliverable(scope, selection, m)).map((m) => m.message.seq) });
    }
  });

  it('keeps the highest acknowledged seq per user, and refuses one never issued', async () => {
    const [admin] = await db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'admin'`);
    const userId = admin!.id;
    const last = await outbox.lastSeq();
    expect(await acks.lastAcked(userId)).toBe(0);
    expect(await acks.record(userId, last - 1)).toBe(last - 1);
    expect(await acks.record(userId, last - 2)).toBe(last - 1);
    expect(await acks.record(userId, last)).toBe(last);
    expect(await acks.record(userId, last + 1)).toBeUndefined();
    expect(await acks.lastAcked(userId)).toBe(last);
  });
});
