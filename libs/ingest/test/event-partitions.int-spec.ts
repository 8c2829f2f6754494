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
    soc = await startTestApp(db.url, { SOC_ROLES: 'ingest,scheduler', SOC_EVENT_RETENTION_DAYS: '365', SOC_RETENTION_DAYS_BY_LEVEL: '31,31,93,186,365' }, clock);
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

/** Retention by the owning system's security level, inside shared daily partitions. */
describe('EventPartitionsJob: retention per security level (real PostgreSQL)', () => {
  let db: TestDatabase;
  let soc: TestApp;
  let nowMs = Date.parse('2026-11-02T10:00:00Z'); // so that 1 November gets its own partition
  const clock = { now: () => new Date(nowMs) };

  beforeAll(async () => {
    db = await createTestDatabase();
    soc = await startTestApp(db.url, { SOC_ROLES: 'ingest,scheduler', SOC_EVENT_RETENTION_DAYS: '60', SOC_RETENTION_DAYS_BY_LEVEL: '31,31,93,186,366' }, clock);
    await db.query("INSERT INTO agencies (id, name) VALUES ('so-tttt', 'Sở Thông tin và Truyền thông')");
    await db.query("INSERT INTO information_systems (id, agency_id, name, security_level) VALUES ('mail', 'so-tttt', 'Thư điện tử', 2), ('dvc', 'so-tttt', 'Cổng dịch vụ công', 5)");
    await db.query("INSERT INTO assets (system_id, kind, hostname) VALUES ('mail', 'hostname', 'mail01'), ('dvc', 'hostname', 'dvc01')");
  });
  afterAll(async () => {
    await soc?.close();
    await db?.drop();
  });

  const remaining = async () =>
    (await db.query<{ row: string }>(
      "SELECT to_char(ts AT TIME ZONE 'UTC', 'MM-DD') || ' ' || coalesce(system_id, '-') || ' L' || coalesce(security_level::text, '-') AS row FROM security_events ORDER BY 1",
    )).map((r) => r.row);

  it('retires a level-2 system’s events after 31 days, unknown ones after 60, and keeps a level-5 system’s for a year', async () => {
    await soc.app.get(EventPartitionsJob).maintain();
    const lines = ['2026-11-01', '2026-11-29'].flatMap((date) => ['mail01', 'dvc01', 'unknown01'].map((host) => `<13>1 ${date}T12:00:00Z ${host} app - - - event on ${host}`));
    await soc.app.get(IngestPipeline).handleBatch({
      stream: 'retention-test/0',
      durableOffsets: true,
      messages: lines.map((payload, i) => ({ offset: String(i), envelope: { sourceId: 'p', receivedAt: clock.now(), transport: 'kafka', payload } })),
    });
    nowMs = Date.parse('2026-11-30T10:00:00Z');
    await soc.app.get(EventPartitionsJob).maintain(); // creates 29 November's partition, moving its rows there
    expect(await db.query('SELECT 1 FROM security_events_default')).toEqual([]);
    const everything = ['11-01 - L-', '11-01 dvc L5', '11-01 mail L2', '11-29 - L-', '11-29 dvc L5', '11-29 mail L2'];
    expect(await remaining()).toEqual(everything);

    nowMs = Date.parse('2026-12-05T10:00:00Z');
    expect((await soc.app.get(EventPartitionsJob).maintain()).trimmedRows).toBe(1);
    expect(await remaining()).toEqual(everything.filter((row) => row !== '11-01 mail L2'));
    expect((await soc.app.get(EventPartitionsJob).maintain()).trimmedRows).toBe(0);
    const trims = await db.query<{ c: number; n: string }>("SELECT retention_class AS c, rows_deleted AS n FROM event_retention_trims WHERE day = '2026-11-01' ORDER BY 1");
    expect(trims.map((t) => [t.c, Number(t.n)])).toEqual([[1, 0], [2, 1]]);

    nowMs = Date.parse('2027-02-03T10:00:00Z');
    await soc.app.get(EventPartitionsJob).maintain();
    expect(await remaining()).toEqual(['11-01 dvc L5', '11-29 dvc L5']);

    nowMs = Date.parse('2027-12-05T10:00:00Z');
    const yearOn = await soc.app.get(EventPartitionsJob).maintain();
    expect(yearOn.dropped).toEqual(expect.arrayContaining(['2026-11-01', '2026-11-29']));
    expect(await remaining()).toEqual([]);
    expect(await db.query("SELECT 1 FROM event_retention_trims WHERE day IN ('2026-11-01', '2026-11-29')")).toEqual([]);
  });
});
