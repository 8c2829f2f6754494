import { EventPartitionsJob, IngestPipeline } from '@soc/ingest';
import { eventually } from '../../../test/support/eventually';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';

/** Daily partitions and retention against real PostgreSQL, with an injected clock. */
describe('EventPartitionsJob (real PostgreSQL)', () => {
  let db: TestDatabase;
  let soc: TestApp;
  let nowMs = Date.parse('2026-11-30T10:00:00Z');
  const clock = { now: () => new Date(nowMs) };

  beforeAll(async () => {
    db = await createTestDatabase();
    soc = await startTestApp(db.url, { SOC_ROLES: 'ingest,scheduler', SOC_EVENT_RETENTION_DAYS: '365' }, clock);
  });
  afterAll(async () => {
    await soc?.close();
    await db?.drop();
  });

  const partitions = async () =>
    (await db.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
       WHERE p.relname = 'security_events' ORDER BY 1`,
    )).map((r) => r.name);
  const countIn = async (table: string) => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);

  it('creates days around today, moves their rows out of the default partition, and drops days past retention', async () => {
    // Let the start-up run finish (11 days + default), then put rows of several days into the default partition.
    await eventually(async () => ((await partitions()).length === 12 ? true : undefined), 'start-up partitions');
    for (const name of (await partitions()).filter((n) => n !== 'security_events_default')) await db.query(`DROP TABLE ${name}`);
    const lines = ['2026-11-29T12:00:00Z', '2026-11-30T08:00:00Z', '2026-11-30T09:00:00Z', '2026-06-01T00:00:00Z', '2025-01-01T00:00:00Z'].map(
      (ts, i) => `<13>${ts.replace('Z', '+00:00')} host app[${i}]: event at ${ts}`,
    );
    await soc.app.get(IngestPipeline).handleBatch({
      stream: 'partition-test/0',
      durableOffsets: true,
      messages: lines.map((payload, i) => ({ offset: String(i), envelope: { sourceId: 'p', receivedAt: clock.now(), transport: 'kafka', payload } })),
    });
    expect(await countIn('security_events_default')).toBe(5);

    await soc.app.get(EventPartitionsJob).maintain();
    const days = await partitions();
    expect(days).toEqual(expect.arrayContaining(['security_events_p20261127', 'security_events_p20261130', 'security_events_p20261207']));
    expect(days).not.toContain('security_events_p20261126');
    expect(await countIn('security_events_p20261130')).toBe(2);
    expect(await countIn('security_events_p20261129')).toBe(1);
    // June stays in the default partition (inside retention); January 2025 is past it and gone.
    expect(await countIn('security_events_default')).toBe(1);
    expect(await countIn('security_events')).toBe(4);

    // A second run the same day changes nothing.
    const again = await soc.app.get(EventPartitionsJob).maintain();
    expect(again).toMatchObject({ created: [], dropped: [], movedRows: 0, trimmedRows: 0 });

    // 400 days later every one of those days is past retention.
    nowMs += 400 * 86_400_000;
    const later = await soc.app.get(EventPartitionsJob).maintain();
    expect(later.dropped).toEqual(expect.arrayContaining(['2026-11-29', '2026-11-30']));
    expect(await countIn('security_events')).toBe(0);
  });
});
