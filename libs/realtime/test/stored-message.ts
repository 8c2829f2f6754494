import type { Priority } from '@soc/shared';
import type { LiveMessageType, StoredLiveMessage } from '../src/live-message';

/** A committed outbox message for unit tests. */
export function stored(seq: number, { type = 'alert.created', agencyId = null, priority = null }: { type?: LiveMessageType; agencyId?: string | null; priority?: Priority | null } = {}): StoredLiveMessage {
  return { agencyId, priority, message: { type, seq, ts: '2026-11-30T09:40:00.000Z', data: { n: seq } } };
}

export const seqs = (messages: readonly StoredLiveMessage[]): number[] => messages.map((m) => m.message.seq);
