import { agenciesScope, ALL_AGENCIES } from '@soc/shared';
import { ClientFeed, type ReplayStart } from '../src/client-feed';
import { seqs, stored } from './stored-message';

const QUEUE_LIMIT = 100;

/** A feed that has started a replay from `since` (asserting it did). */
function replaying(feed: ClientFeed, since: number, filters = {}): ReplayStart {
  const start = feed.subscribe(filters, since);
  if (!start) throw new Error('no replay started');
  return start;
}

describe('ClientFeed without subscribe (backward compatible)', () => {
  it('sends live messages after its connect position, once each', () => {
    const feed = new ClientFeed(ALL_AGENCIES, 10, QUEUE_LIMIT);
    expect(feed.onLive(stored(10))).toBeUndefined();
    expect(feed.onLive(stored(11))?.message.seq).toBe(11);
    expect(feed.onLive(stored(11))).toBeUndefined();
    expect(feed.onLive(stored(12))?.message.seq).toBe(12);
    expect(feed.lastSentSeq).toBe(12);
  });

  it("keeps to the caller's agencies", () => {
    const feed = new ClientFeed(agenciesScope(['so-a']), 0, QUEUE_LIMIT);
    expect(feed.onLive(stored(1, { agencyId: 'so-b' }))).toBeUndefined();
    expect(feed.onLive(stored(2, { agencyId: null }))).toBeUndefined();
    expect(feed.onLive(stored(3, { agencyId: 'so-a' }))?.message.seq).toBe(3);
  });
});

describe('ClientFeed subscribe and the replay/live seam', () => {
  it('replays from since, queues live messages meanwhile, and sends only the queued ones past the replay', () => {
    const feed = new ClientFeed(ALL_AGENCIES, 20, QUEUE_LIMIT);
    const start = replaying(feed, 5);
    expect(start.since).toBe(5);
    expect(feed.replaying).toBe(true);

    // Live messages while replaying are held back (21 and 22 are also in the outbox already).
    expect(feed.onLive(stored(21))).toBeUndefined();
    expect(seqs(feed.onReplayPage(start.generation, [6, 7, 8].map((n) => stored(n))))).toEqual([6, 7, 8]);
    expect(feed.onLive(stored(22))).toBeUndefined();
    expect(seqs(feed.onReplayPage(start.generation, [20, 21].map((n) => stored(n))))).toEqual([20, 21]);
    expect(feed.onLive(stored(23))).toBeUndefined();

    const end = feed.finishReplay(start.generation);
    expect(end.kind).toBe('live');
    expect(end.kind === 'live' && seqs(end.send)).toEqual([22, 23]);
    expect(feed.replaying).toBe(false);
    expect(feed.onLive(stored(23))).toBeUndefined();
    expect(feed.onLive(stored(24))?.message.seq).toBe(24);
  });

  it('never sends a seq at or below the last sent, whatever order pages and live messages come in', () => {
    const feed = new ClientFeed(ALL_AGENCIES, 0, QUEUE_LIMIT);
    const start = replaying(feed, 0);
    const sent: number[] = [];
    sent.push(...seqs(feed.onReplayPage(start.generation, [1, 2, 3].map((n) => stored(n)))));
    feed.onLive(stored(2));
    feed.onLive(stored(4));
    sent.push(...seqs(feed.onReplayPage(start.generation, [3, 4, 5].map((n) => stored(n)))));
    feed.onLive(stored(5));
    feed.onLive(stored(6));
    const end = feed.finishReplay(start.generation);
    if (end.kind === 'live') sent.push(...seqs(end.send));
    expect(sent).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('applies the filters to replayed and queued messages alike', () => {
    const feed = new ClientFeed(agenciesScope(['so-a', 'so-b']), 0, QUEUE_LIMIT);
    const start = replaying(feed, 0, { agencies: ['so-a'], minPriority: 'P2', types: ['incident.created', 'source.silent'] });
    expect(start.selection).toEqual({ agencies: ['so-a'], minPriority: 'P2', types: ['incident.created', 'source.silent'] });
    const page = [
      stored(1, { type: 'incident.created', agencyId: 'so-a', priority: 'P1' }),
      stored(2, { type: 'incident.created', agencyId: 'so-a', priority: 'P3' }),
      stored(3, { type: 'incident.created', agencyId: 'so-b', priority: 'P1' }),
      stored(4, { type: 'alert.created', agencyId: 'so-a', priority: 'P1' }),
      stored(5, { type: 'source.silent', agencyId: 'so-a' }),
      stored(6, { type: 'incident.created', agencyId: 'so-c', priority: 'P1' }),
    ];
    expect(seqs(feed.onReplayPage(start.generation, page))).toEqual([1, 5]);
    feed.onLive(stored(7, { type: 'incident.created', agencyId: 'so-a', priority: 'P4' }));
    feed.onLive(stored(8, { type: 'incident.created', agencyId: 'so-a', priority: 'P2' }));
    const end = feed.finishReplay(start.generation);
    expect(end.kind === 'live' && seqs(end.send)).toEqual([8]);
  });

  it('reads the outbox again instead of holding an overflowing queue, and still loses nothing', () => {
    const feed = new ClientFeed(ALL_AGENCIES, 0, 3);
    const start = replaying(feed, 0);
    for (let seq = 11; seq <= 15; seq++) feed.onLive(stored(seq));
    expect(seqs(feed.onReplayPage(start.generation, [1, 2].map((n) => stored(n))))).toEqual([1, 2]);
    expect(feed.finishReplay(start.generation)).toEqual({ kind: 'read-again' });
    // The second read sees what the dropped queue held; 16 arrives after the overflow and stays queued.
    feed.onLive(stored(16));
    expect(seqs(feed.onReplayPage(start.generation, [11, 12, 13, 14, 15].map((n) => stored(n))))).toEqual([11, 12, 13, 14, 15]);
    const end = feed.finishReplay(start.generation);
    expect(end.kind === 'live' && seqs(end.send)).toEqual([16]);
  });

  it('lets a newer subscribe supersede a running replay', () => {
    const feed = new ClientFeed(ALL_AGENCIES, 0, QUEUE_LIMIT);
    const first = replaying(feed, 0);
    expect(seqs(feed.onReplayPage(first.generation, [stored(1), stored(2)]))).toEqual([1, 2]);
    const second = replaying(feed, 1, { types: ['alert.updated'] });
    expect(feed.isCurrent(first.generation)).toBe(false);
    expect(feed.onReplayPage(first.generation, [stored(3)])).toEqual([]);
    expect(feed.finishReplay(first.generation)).toEqual({ kind: 'superseded' });
    // The new subscription replays from its own since: 2 again, as the client asked.
    expect(seqs(feed.onReplayPage(second.generation, [stored(2, { type: 'alert.updated' })]))).toEqual([2]);
    expect(feed.finishReplay(second.generation)).toEqual({ kind: 'live', send: [] });
  });

  it('changes filters without replay when subscribe has no since, and restarts a running replay from the last sent', () => {
    const feed = new ClientFeed(ALL_AGENCIES, 5, QUEUE_LIMIT);
    expect(feed.subscribe({ types: ['sla.breached'] })).toBeUndefined();
    expect(feed.onLive(stored(6))).toBeUndefined();
    expect(feed.onLive(stored(7, { type: 'sla.breached' }))?.message.seq).toBe(7);

    const start = replaying(feed, 0);
    feed.onReplayPage(start.generation, [stored(3, { type: 'sla.breached' })]);
    const restarted = feed.subscribe({});
    expect(restarted).toMatchObject({ since: 3, selection: {} });
  });
});
