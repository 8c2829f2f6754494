import type { AgencyScope } from '@soc/shared';
import { type FeedFilters, type FeedSelection, isDeliverable, selectionFor } from './feed-filter';
import type { StoredLiveMessage } from './live-message';

/** A replay the caller must now run: read the outbox after `since` with `selection`, page by page. */
export interface ReplayStart {
  generation: number;
  since: number;
  selection: FeedSelection;
}

/** What to do once a replay page came back shorter than asked (the outbox is read up to now). */
export type ReplayEnd =
  /** Caught up: send these queued live messages, then the client is live. */
  | { kind: 'live'; send: StoredLiveMessage[] }
  /** Live messages were dropped from the full queue meanwhile: read the outbox once more before going live. */
  | { kind: 'read-again' }
  /** A newer subscribe replaced this replay: stop it. */
  | { kind: 'superseded' };

/**
 * One client's position in the feed, and the seam between replay and live (no I/O: the connection
 * does the reading and sending). Invariant: a message is handed out only if its seq is above the
 * last one handed out, so the client never gets a duplicate or a step back.
 *
 * Why the seam has no gap: the outbox makes seqs visible in commit order, so a replay read that comes
 * back short has seen every message committed before it started; anything committed after is
 * broadcast by the relay later, and is queued here until the replay ends. Queued messages the replay
 * already covered are dropped by the seq rule. The queue is bounded: when it overflows it is emptied
 * and the replay reads again instead — the dropped messages are all in the outbox.
 */
export class ClientFeed {
  private lastSent: number;
  private selection: FeedSelection;
  private generation = 0;
  private replay?: { generation: number; queued: StoredLiveMessage[]; overflowed: boolean };

  /** `liveFrom`: the feed position at connect; without a subscribe the client gets what comes after it. */
  constructor(
    private readonly scope: AgencyScope,
    liveFrom: number,
    private readonly queueLimit: number,
  ) {
    this.lastSent = liveFrom;
    this.selection = selectionFor(scope, {});
  }

  get lastSentSeq(): number {
    return this.lastSent;
  }

  get replaying(): boolean {
    return this.replay !== undefined;
  }

  get currentSelection(): FeedSelection {
    return this.selection;
  }

  /** A message from the relay: returned if it is to be sent now; queued while a replay runs. */
  onLive(stored: StoredLiveMessage): StoredLiveMessage | undefined {
    if (!isDeliverable(this.scope, this.selection, stored)) return undefined;
    if (!this.replay) return this.take(stored);
    if (this.replay.queued.length >= this.queueLimit) {
      this.replay.queued = [];
      this.replay.overflowed = true;
    }
    this.replay.queued.push(stored);
    return undefined;
  }

  /**
   * A subscribe replaces the filters. With `since` it (re)starts a replay from there; without, the
   * client stays live from where it is — unless a replay is running, which restarts from the last
   * message sent so that it reads with the new filters.
   */
  subscribe(filters: FeedFilters, since?: number): ReplayStart | undefined {
    this.selection = selectionFor(this.scope, filters);
    const from = since ?? (this.replay ? this.lastSent : undefined);
    if (from === undefined) return undefined;
    this.generation += 1;
    this.lastSent = from;
    this.replay = { generation: this.generation, queued: [], overflowed: false };
    return { generation: this.generation, since: from, selection: this.selection };
  }

  isCurrent(generation: number): boolean {
    return this.replay?.generation === generation;
  }

  /** A page read from the outbox (seq order): the messages to send, in order; none for a superseded replay. */
  onReplayPage(generation: number, page: readonly StoredLiveMessage[]): StoredLiveMessage[] {
    if (!this.isCurrent(generation)) return [];
    const send: StoredLiveMessage[] = [];
    for (const stored of page) {
      if (!isDeliverable(this.scope, this.selection, stored)) continue;
      const taken = this.take(stored);
      if (taken) send.push(taken);
    }
    return send;
  }

  /** Called when a replay page came back short: the seam (see the class comment). */
  finishReplay(generation: number): ReplayEnd {
    const replay = this.replay;
    if (!replay || replay.generation !== generation) return { kind: 'superseded' };
    if (replay.overflowed) {
      replay.overflowed = false;
      return { kind: 'read-again' };
    }
    this.replay = undefined;
    const send: StoredLiveMessage[] = [];
    for (const stored of replay.queued) {
      const taken = this.take(stored);
      if (taken) send.push(taken);
    }
    return { kind: 'live', send };
  }

  private take(stored: StoredLiveMessage): StoredLiveMessage | undefined {
    if (stored.message.seq <= this.lastSent) return undefined;
    this.lastSent = stored.message.seq;
    return stored;
  }
}
