import type { Socket } from 'node:net';
import { type OutboxEntry, OutboxRepository } from '@soc/realtime';
import { TransactionRunner } from '@soc/storage';
import { eventually } from '../support/eventually';
import { type FeedMessage, LiveFeedClient } from '../support/live-feed-client';
import { failedSshLines } from '../support/ssh-lines';
import { startTestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const IT_A_PASSWORD = 'Ruộng-bậc-thang-Mù-Cang-Chải';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The app, a database, and ways to put messages into its outbox and read them back. */
async function startFeedApp(env: Record<string, string>) {
  const db = await createTestDatabase();
  const soc = await startTestApp(db.url, env);
  const outbox = soc.app.get(OutboxRepository);
  const transactions = soc.app.get(TransactionRunner);
  return {
    db,
    soc,
    append: (entries: OutboxEntry[]) => transactions.run((tx) => outbox.append(tx, entries)),
    lastSeq: () => lastSeqOf(db),
    storedAfter: async (since: number) => (await db.query<{ seq: string }>('SELECT seq FROM outbox WHERE seq > $1 ORDER BY seq', [since])).map((r) => Number(r.seq)),
    /**
     * Waits until the relay has broadcast everything appended so far. A client that connects before
     * that gets the rest live (it has not subscribed yet), and a later subscribe replays them again.
     */
    relayCaughtUp: async () => {
      const last = await lastSeqOf(db);
      await eventually(async () => {
        const probe = await LiveFeedClient.connect(soc.wsUrl, await soc.adminToken());
        probe.close();
        return Number(probe.messages[0]!.data.lastSeq) >= last ? true : undefined;
      }, `the relay at seq ${last}`);
    },
    close: async () => {
      await soc.close();
      await db.drop();
    },
  };
}

const lastSeqOf = async (db: TestDatabase) => Number((await db.query<{ seq: string }>('SELECT coalesce(max(seq), 0) AS seq FROM outbox'))[0]!.seq);
const entry = (n: string, extra: Partial<OutboxEntry> = {}): OutboxEntry => ({ type: 'alert.created', agencyId: null, payload: { n }, ...extra });
const names = (client: LiveFeedClient) => client.messages.filter((m) => m.seq !== undefined).map((m) => m.data.n);
const ofType = (client: LiveFeedClient, type: string) => client.messages.filter((m) => m.type === type);
/** Waits for the `count`-th control message of a type (e.g. the second replay.complete). */
const nth = (client: LiveFeedClient, type: string, count: number): Promise<FeedMessage> =>
  client.waitFor(() => ofType(client, type).length >= count).then(() => ofType(client, type)[count - 1]!);

/** Subscribe, replay from `since`, filters, ack and bad messages, on the in-process app over real PostgreSQL. */
describe('live feed: subscribe with since, filters, ack (real PostgreSQL, WebSocket)', () => {
  let feed: Awaited<ReturnType<typeof startFeedApp>>;
  let admin: string;
  let itA: string;

  beforeAll(async () => {
    // Tiny replay pages and queue: every replay crosses many pages, and live messages overflow the queue.
    feed = await startFeedApp({ WS_REPLAY_PAGE_SIZE: '3', WS_REPLAY_QUEUE_LIMIT: '5', WS_MAX_INVALID_MESSAGES: '5' });
    const { soc } = feed;
    admin = await soc.adminToken();
    for (const [id, name] of [['so-a', 'Sở A'], ['so-b', 'Sở B']]) {
      expect((await soc.call('/api/v1/agencies', { method: 'POST', token: admin, body: { id, name } })).status).toBe(201);
    }
    const created = await soc.call('/api/v1/users', {
      method: 'POST',
      token: admin,
      body: { username: 'it.a', displayName: 'Cán bộ CNTT Sở A', password: IT_A_PASSWORD, roles: ['agency_it'], agencyIds: ['so-a'] },
    });
    expect(created.status).toBe(201);
    itA = await soc.login('it.a', IT_A_PASSWORD);
  });
  afterAll(async () => {
    await feed?.close();
  });

  const connect = (token: string) => LiveFeedClient.connect(feed.soc.wsUrl, token);

  it('replays exactly the messages after since, in order, then continues live', async () => {
    const base = await feed.lastSeq();
    await feed.append(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'].map((n) => entry(n)));
    await feed.relayCaughtUp();
    const client = await connect(admin);
    client.send({ type: 'subscribe', since: base + 2 });
    expect((await nth(client, 'subscribed', 1)).data).toEqual({ since: base + 2, filters: {} });
    expect((await nth(client, 'replay.complete', 1)).data).toEqual({ since: base + 2, replayed: 5, lastSentSeq: base + 7 });
    expect(names(client)).toEqual(['m3', 'm4', 'm5', 'm6', 'm7']);

    await feed.append([entry('m8'), entry('m9')]);
    await client.waitFor((m) => m.data.n === 'm9');
    expect(names(client)).toEqual(['m3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9']);
    expect(client.seqs()).toEqual(await feed.storedAfter(base + 2));
    client.close();
  });

  it('replays real alerts raised while the client was away (ingest → detection → outbox)', async () => {
    const first = await connect(admin);
    expect((await feed.soc.ingest(failedSshLines('203.0.113.60', 6))).status).toBe(202);
    const seen = await first.waitFor((m) => m.type === 'alert.created' && m.data.sourceIp === '203.0.113.60');
    first.close();
    expect((await feed.soc.ingest(failedSshLines('203.0.113.61', 6))).status).toBe(202);
    expect((await feed.soc.ingest(failedSshLines('203.0.113.62', 6))).status).toBe(202);
    await feed.relayCaughtUp();

    const back = await connect(admin);
    back.send({ type: 'subscribe', since: seen.seq });
    await nth(back, 'replay.complete', 1);
    expect(back.messages.filter((m) => m.type === 'alert.created').map((m) => m.data.sourceIp)).toEqual(['203.0.113.61', '203.0.113.62']);
    expect(back.seqs()).toEqual(await feed.storedAfter(seen.seq!));
    back.close();
  });

  describe('filters', () => {
    /** One of each kind: agencies so-a, so-b and none; with and without priority; several types. */
    const round = (suffix: string): OutboxEntry[] => [
      entry(`a-P1${suffix}`, { type: 'incident.created', agencyId: 'so-a', priority: 'P1' }),
      entry(`a-P4${suffix}`, { type: 'incident.created', agencyId: 'so-a', priority: 'P4' }),
      entry(`b-P2${suffix}`, { type: 'incident.updated', agencyId: 'so-b', priority: 'P2' }),
      entry(`b-sla${suffix}`, { type: 'sla.breached', agencyId: 'so-b', priority: 'P1' }),
      entry(`a-silent${suffix}`, { type: 'source.silent', agencyId: 'so-a' }),
      entry(`province${suffix}`, { type: 'alert.created', agencyId: null, priority: 'P3' }),
    ];

    /**
     * Replays a round appended before the subscribe, then receives one appended after it: both must
     * carry exactly `expected` (replay and live filter alike).
     */
    const expectFiltered = async (token: string, filters: Record<string, unknown> | undefined, expected: string[]) => {
      const base = await feed.lastSeq();
      await feed.append(round(''));
      await feed.relayCaughtUp();
      const client = await connect(token);
      const sentinel = await connect(admin);
      client.send({ type: 'subscribe', since: base, ...(filters ? { filters } : {}) });
      await nth(client, 'replay.complete', 1);
      await feed.append(round('+live'));
      const last = await feed.lastSeq();
      await sentinel.waitFor((m) => m.seq === last);
      await sleep(200); // the same broadcast reached the client; let its frames arrive
      expect(names(client)).toEqual([...expected, ...expected.map((n) => `${n}+live`)]);
      client.close();
      sentinel.close();
    };

    it('minPriority keeps messages at least that urgent, and every message without priority', () =>
      expectFiltered(admin, { minPriority: 'P2' }, ['a-P1', 'b-P2', 'b-sla', 'a-silent']));

    it('types keeps the listed types only', () => expectFiltered(admin, { types: ['incident.created', 'incident.updated'] }, ['a-P1', 'a-P4', 'b-P2']));

    it('agencies narrows a province-wide caller to those agencies (no province-wide messages)', () =>
      expectFiltered(admin, { agencies: ['so-b'] }, ['b-P2', 'b-sla']));

    it('combines the filters', () => expectFiltered(admin, { agencies: ['so-a', 'so-b'], types: ['incident.created', 'sla.breached'], minPriority: 'P1' }, ['a-P1', 'b-sla']));

    it('keeps an agency_it user to its agencies, with no filters', () => expectFiltered(itA, undefined, ['a-P1', 'a-P4', 'a-silent']));

    it("never gives an agency_it user another agency's messages, even when it asks for them", async () => {
      await expectFiltered(itA, { agencies: ['so-b'] }, []);
      await expectFiltered(itA, { agencies: ['so-a', 'so-b'] }, ['a-P1', 'a-P4', 'a-silent']);
    });

    it('lets a new subscribe replace the filters and replay from its own since', async () => {
      const base = await feed.lastSeq();
      await feed.append(round(''));
      await feed.relayCaughtUp();
      const client = await connect(admin);
      client.send({ type: 'subscribe', since: base, filters: { types: ['sla.breached'] } });
      await nth(client, 'replay.complete', 1);
      client.send({ type: 'subscribe', since: base, filters: { types: ['source.silent', 'incident.updated'] } });
      await nth(client, 'replay.complete', 2);
      await feed.append(round('+live'));
      await client.waitFor((m) => m.data.n === 'a-silent+live');
      expect(names(client)).toEqual(['b-sla', 'b-P2', 'a-silent', 'b-P2+live', 'a-silent+live']);
      client.close();
    });
  });

  it('records acks per user as the maximum, durably, and reports it in hello', async () => {
    await feed.append([entry('ack-1'), entry('ack-2'), entry('ack-3')]);
    const last = await feed.lastSeq();
    await feed.relayCaughtUp();
    const client = await connect(admin);
    expect(client.messages[0]!.data).toEqual({ lastSeq: expect.any(Number) as number, lastAckedSeq: 0 });

    client.send({ type: 'ack', seq: last - 1 });
    expect((await nth(client, 'acked', 1)).data).toEqual({ seq: last - 1, lastAckedSeq: last - 1 });
    client.send({ type: 'ack', seq: last - 2 });
    expect((await nth(client, 'acked', 2)).data).toEqual({ seq: last - 2, lastAckedSeq: last - 1 });
    client.send({ type: 'ack', seq: last + 1000 });
    expect((await nth(client, 'error', 1)).data).toEqual({ code: 'VALIDATION_FAILED', message: `seq ${last + 1000} has not been issued yet`, field: 'seq' });
    client.close();

    const [row] = await feed.db.query<{ last_acked_seq: string }>(`SELECT a.last_acked_seq FROM live_feed_acks a JOIN users u ON u.id = a.user_id WHERE u.username = 'admin'`);
    expect(Number(row!.last_acked_seq)).toBe(last - 1);

    // A console resumes from what its user acknowledged; another user's acks are its own.
    const again = await connect(admin);
    const hello = again.messages[0]!;
    expect(hello.data.lastAckedSeq).toBe(last - 1);
    again.send({ type: 'subscribe', since: hello.data.lastAckedSeq });
    await nth(again, 'replay.complete', 1);
    expect(names(again)).toEqual(['ack-3']);
    again.close();
    const other = await connect(itA);
    expect(other.messages[0]!.data.lastAckedSeq).toBe(0);
    other.close();
  });

  it('answers bad messages with an error and keeps the connection, then closes one that keeps sending them', async () => {
    const last = await feed.lastSeq();
    const client = await connect(admin);
    const bad: Array<[unknown, Record<string, unknown>]> = [
      ['{"type": "subscribe", ', { code: 'VALIDATION_FAILED', message: 'not valid JSON' }],
      [{ type: 'unsubscribe' }, { code: 'VALIDATION_FAILED', field: 'type' }],
      [{ type: 'subscribe', filters: { minPriority: 'P9' } }, { code: 'VALIDATION_FAILED', field: 'filters.minPriority', message: 'filters.minPriority must be one of P1, P2, P3, P4' }],
      [{ type: 'subscribe', since: last + 50 }, { code: 'VALIDATION_FAILED', field: 'since', message: `since ${last + 50} is ahead of the feed (last seq ${last})` }],
    ];
    for (const [i, [message, expected]] of bad.entries()) {
      client.send(message);
      expect((await nth(client, 'error', i + 1)).data).toMatchObject(expected);
    }
    // Still served: a valid subscribe works, and the rejected ones changed nothing.
    client.send({ type: 'subscribe', since: last });
    expect((await nth(client, 'replay.complete', 1)).data).toMatchObject({ since: last, replayed: 0 });

    client.send('garbage');
    expect(await client.closed).toEqual({ code: 4004, reason: 'closed after 5 invalid messages' });
    expect(ofType(client, 'error')).toHaveLength(5);
    // The server is fine.
    const next = await connect(admin);
    next.close();
  });

  it('delivers messages produced while a replay runs exactly once and in order across the seam', async () => {
    const base = await feed.lastSeq();
    // 150 stored messages are 50 replay pages of 3; a producer keeps appending throughout.
    for (let i = 0; i < 150; i += 30) await feed.append(Array.from({ length: 30 }, (_, j) => entry(`old-${i + j}`)));
    await feed.relayCaughtUp();
    const client = await connect(admin);
    let produced = 0;
    let afterSeam = 0;
    const producing = (async () => {
      while (afterSeam < 20) {
        await feed.append(Array.from({ length: 1 + (produced % 3) }, (_, j) => entry(`new-${produced}-${j}`)));
        produced += 1;
        if (ofType(client, 'replay.complete').length > 0) afterSeam += 1;
      }
    })();
    client.send({ type: 'subscribe', since: base });
    await producing;
    const last = await feed.lastSeq();
    await client.waitFor((m) => m.seq === last, 30_000);
    await sleep(300); // a duplicate, if there were one, would arrive now

    expect(client.seqs()).toEqual(await feed.storedAfter(base));
    const seamAt = client.messages.findIndex((m) => m.type === 'replay.complete');
    const beforeSeam = client.messages.slice(0, seamAt).filter((m) => m.seq !== undefined);
    // The replay delivered messages appended after it began, and live messages followed it.
    expect(beforeSeam.length).toBeGreaterThan(150);
    expect(client.messages.slice(seamAt).some((m) => m.seq !== undefined)).toBe(true);
    client.close();
  });
});

/** A client that stops reading is cut off with 4001, and resumes with since without losing anything. */
describe('live feed: slow consumer (real PostgreSQL, WebSocket)', () => {
  let feed: Awaited<ReturnType<typeof startFeedApp>>;
  let admin: string;

  beforeAll(async () => {
    feed = await startFeedApp({ WS_MAX_BUFFERED_BYTES: '65536' });
    admin = await feed.soc.adminToken();
  });
  afterAll(async () => {
    await feed?.close();
  });

  it('closes a client that stops reading with 4001, and the client resumes with since', async () => {
    const base = await feed.lastSeq();
    await feed.relayCaughtUp();
    const client = await LiveFeedClient.connect(feed.soc.wsUrl, admin);
    const tcp = (client.socket as unknown as { _socket: Socket })._socket;
    tcp.pause();
    // 30 MB: more than the loopback socket buffers hold, so the server's send buffer must grow.
    const filler = 'x'.repeat(60_000);
    for (let i = 0; i < 500; i += 20) await feed.append(Array.from({ length: 20 }, (_, j) => entry(`big-${i + j}`, { payload: { n: `big-${i + j}`, filler } })));
    await eventually(async () => {
      const metrics = await (await feed.soc.call('/metrics', { token: admin })).text();
      return /soc_ws_slow_clients_closed_total 1/.test(metrics) ? true : undefined;
    }, 'the slow client closed');
    tcp.resume();
    const closed = await client.closed;
    expect(closed.code).toBe(4001);
    expect(closed.reason).toContain('slow consumer');
    const got = client.seqs();
    const stored = await feed.storedAfter(base);
    expect(got.length).toBeLessThan(stored.length);
    expect(got).toEqual(stored.slice(0, got.length));

    // Resume: replay is paced by the same buffer bound, so it is not cut off.
    const resumed = await LiveFeedClient.connect(feed.soc.wsUrl, admin);
    resumed.send({ type: 'subscribe', since: got.length > 0 ? got[got.length - 1] : base });
    await resumed.waitFor((m) => m.type === 'replay.complete', 60_000);
    expect([...got, ...resumed.seqs()]).toEqual(stored);
    resumed.close();
  });
});
