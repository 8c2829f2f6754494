import { IngestPipeline, readState } from '@soc/ingest';
import { StreamBatch } from '@soc/transport';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';

/** Correlation on event time with a lateness budget, through the real pipeline and PostgreSQL, with an injected clock. */
describe('IngestPipeline: correlations on event time with a 60 s lateness budget (real PostgreSQL)', () => {
  let db: TestDatabase;
  let soc: TestApp;
  let pipeline: IngestPipeline;
  let nowMs = Date.parse('2026-11-30T10:00:00Z');
  const clock = { now: () => new Date(nowMs) };
  let offset = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    soc = await startTestApp(db.url, { SOC_ROLES: 'ingest', SOC_DETECTION_LATENESS_MS: '60000' }, clock);
    pipeline = soc.app.get(IngestPipeline);
  });
  afterAll(async () => {
    await soc?.close();
    await db?.drop();
  });

  /** RFC 5424 lines at `second` seconds after 09:40:00Z. */
  const at = (second: number, message: string) => `<38>1 ${new Date(Date.parse('2026-11-30T09:40:00Z') + second * 1000).toISOString()} web01 sshd 77 - - ${message}`;
  const failure = (second: number, ip: string) => at(second, `Failed password for root from ${ip} port 4000 ssh2`);
  const send = (stream: string, lines: string[]) =>
    pipeline.handleBatch({
      stream,
      durableOffsets: true,
      messages: lines.map((payload) => ({ offset: String(offset++), envelope: { sourceId: 'fw', receivedAt: clock.now(), transport: 'kafka', payload } })),
    } satisfies StreamBatch);
  const alertsFor = (ip: string) => db.query<{ event_count: number; first_seen: Date }>('SELECT event_count, first_seen FROM alerts WHERE source_ip = $1', [ip]);

  it('waits for the budget, takes an earlier failure that arrived later, and alerts once event time has passed the window', async () => {
    await send('late/0', [0, 1, 2, 3].map((s) => failure(s, '203.0.113.61')));
    await send('late/0', [failure(-10, '203.0.113.61')]); // earlier, but within 60 s of the newest: on time
    expect(await alertsFor('203.0.113.61')).toEqual([]); // nothing is final yet
    // Any event moves event time on, matched by a rule or not.
    await send('late/0', [at(70, 'Accepted password for ops from 198.51.100.3 port 2222 ssh2')]);
    expect(await alertsFor('203.0.113.61')).toEqual([{ event_count: 5, first_seen: new Date('2026-11-30T09:39:50Z') }]);
  });

  it('counts events later than the budget instead of correlating them', async () => {
    await send('late/0', [-100, -99, -98, -97, -96].map((s) => failure(s, '203.0.113.62')));
    expect(await alertsFor('203.0.113.62')).toEqual([]);
    const [row] = await db.query<{ raw: Buffer }>("SELECT detection_state AS raw FROM stream_checkpoints WHERE stream = 'late/0'");
    expect((JSON.parse(readState(row!.raw)) as { lateEvents: number }).lateEvents).toBe(5);
    expect(await db.query("SELECT count(*)::int AS n FROM security_events WHERE source_ip = '203.0.113.62'")).toEqual([{ n: 5 }]);
  });

  it('judges a quiet stream once the budget has passed on the clock, without waiting for its next event', async () => {
    await send('quiet/0', [200, 201, 202, 203, 204].map((s) => failure(s, '203.0.113.63')));
    expect(await alertsFor('203.0.113.63')).toEqual([]);
    expect(await pipeline.flushIdleStreams()).toBe(0); // not quiet for long enough yet
    nowMs += 61_000;
    expect(await pipeline.flushIdleStreams()).toBe(1);
    expect(await alertsFor('203.0.113.63')).toEqual([{ event_count: 5, first_seen: new Date('2026-11-30T09:43:20Z') }]);
    expect(await pipeline.flushIdleStreams()).toBe(0); // nothing left to judge
  });
});
