import { IngestPipeline, readState } from '@soc/ingest';
import { StreamBatch } from '@soc/transport';
import { failedSshLines } from '../../../test/support/ssh-lines';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';

/** The batch transaction against real PostgreSQL: all-or-nothing, and idempotent on redelivery. */
describe('IngestPipeline.handleBatch (real PostgreSQL)', () => {
  let db: TestDatabase;
  let soc: TestApp;
  let pipeline: IngestPipeline;

  beforeAll(async () => {
    db = await createTestDatabase();
    soc = await startTestApp(db.url, { SOC_ROLES: 'ingest' });
    pipeline = soc.app.get(IngestPipeline);
  });
  afterAll(async () => {
    await soc?.close();
    await db?.drop();
  });

  const durableBatch = (stream: string, sourceId: string, lines: string[], firstOffset = 0): StreamBatch => ({
    stream,
    durableOffsets: true,
    messages: lines.map((payload, i) => ({
      offset: String(firstOffset + i),
      envelope: { sourceId, receivedAt: new Date('2026-11-30T09:41:00Z'), transport: 'kafka', payload },
    })),
  });
  const count = async (sql: string, params: unknown[]) => Number((await db.query<{ n: string }>(sql, params))[0]!.n);
  const eventsOf = (sourceId: string) => count('SELECT count(*) AS n FROM security_events WHERE source_id = $1', [sourceId]);
  const alertsOf = (ip: string) => db.query<{ event_count: number }>('SELECT event_count FROM alerts WHERE source_ip = $1', [ip]);
  const outboxFor = (ip: string) => count(`SELECT count(*) AS n FROM outbox WHERE payload->>'sourceIp' = $1`, [ip]);

  it('stores a redelivered batch once, and only the new part of an overlapping one', async () => {
    const lines = failedSshLines('203.0.113.10', 8);
    const batch = durableBatch('replay/0', 'replay-src', lines.slice(0, 6));
    await pipeline.handleBatch(batch);
    await pipeline.handleBatch(batch);
    expect(await eventsOf('replay-src')).toBe(6);
    expect(await alertsOf('203.0.113.10')).toEqual([{ event_count: 6 }]);

    await pipeline.handleBatch(durableBatch('replay/0', 'replay-src', lines.slice(3, 8), 3));
    expect(await eventsOf('replay-src')).toBe(8);
    expect(await alertsOf('203.0.113.10')).toEqual([{ event_count: 8 }]);
    expect(await outboxFor('203.0.113.10')).toBe(2);
    const [checkpoint] = await db.query<{ next_offset: string }>(`SELECT next_offset FROM stream_checkpoints WHERE stream = 'replay/0'`);
    expect(checkpoint!.next_offset).toBe('8');
  });

  it('commits nothing when any write of the batch fails, then succeeds on retry with uncorrupted detection state', async () => {
    await db.query(`CREATE FUNCTION fail_outbox() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'outbox unavailable'; END $$`);
    await db.query('CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION fail_outbox()');
    const batch = durableBatch('atomic/0', 'atomic-src', [...failedSshLines('203.0.113.20', 5), 'not a log line']);

    await expect(pipeline.handleBatch(batch)).rejects.toThrow('outbox unavailable');
    expect(await eventsOf('atomic-src')).toBe(0);
    expect(await count('SELECT count(*) AS n FROM dead_letters WHERE source_id = $1', ['atomic-src'])).toBe(0);
    expect(await alertsOf('203.0.113.20')).toEqual([]);
    expect(await db.query(`SELECT next_offset FROM stream_checkpoints WHERE stream = 'atomic/0' AND next_offset IS NOT NULL`)).toEqual([]);

    await db.query('DROP TRIGGER fail_outbox ON outbox');
    await pipeline.handleBatch(batch);
    expect(await eventsOf('atomic-src')).toBe(5);
    expect(await count('SELECT count(*) AS n FROM dead_letters WHERE source_id = $1', ['atomic-src'])).toBe(1);
    // Had the failed attempt's in-memory state survived, the retry would count ten attempts.
    expect(await alertsOf('203.0.113.20')).toEqual([{ event_count: 5 }]);
  });

  it('serializes two consumers that both hold the same partition (a rebalance overlap): each record stored once', async () => {
    const batch = durableBatch('overlap/0', 'overlap-src', failedSshLines('203.0.113.30', 7));
    await Promise.all([pipeline.handleBatch(batch), pipeline.handleBatch(batch)]);
    expect(await eventsOf('overlap-src')).toBe(7);
    expect(await alertsOf('203.0.113.30')).toEqual([{ event_count: 7 }]);
  });

  it('checkpoints detection state with the batch, so a new process continues an open window', async () => {
    const lines = failedSshLines('203.0.113.40', 5);
    await pipeline.handleBatch(durableBatch('resume/0', 'resume-src', lines.slice(0, 3)));
    const [row] = await db.query<{ raw: Buffer }>(`SELECT detection_state AS raw FROM stream_checkpoints WHERE stream = 'resume/0'`);
    const state = JSON.parse(readState(row!.raw)) as { version: number; correlation: { rules: Record<string, { groups: Array<{ key: string }> }> } };
    // The open brute-force window, grouped by agency ('-': this source is not registered) and address.
    expect(state.version).toBe(2);
    expect(Object.values(state.correlation.rules).flatMap((r) => r.groups.map((g) => g.key))).toEqual(['["-","203.0.113.40"]']);

    const restarted = await startTestApp(db.url, { SOC_ROLES: 'ingest' });
    try {
      await restarted.app.get(IngestPipeline).handleBatch(durableBatch('resume/0', 'resume-src', lines.slice(3), 3));
    } finally {
      await restarted.close();
    }
    expect(await alertsOf('203.0.113.40')).toEqual([{ event_count: 5 }]);
    // The new process never saw the first three events: their users and hosts come with the checkpointed window.
    const [alert] = await db.query<{ details: { entities: { userNames: string[]; hostNames: string[] } } }>("SELECT details FROM alerts WHERE source_ip = '203.0.113.40'");
    expect(alert!.details.entities).toMatchObject({ userNames: ['admin'], hostNames: ['web01'] });
  });
});
