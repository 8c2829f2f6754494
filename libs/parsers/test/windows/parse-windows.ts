import { parseRaw, SecurityEvent } from '@soc/parsers';

export const ZONE = { timeZone: 'Asia/Ho_Chi_Minh' };
export const RECEIVED_AT = new Date('2026-11-30T09:00:00Z');

/** parseRaw over one record, as a source with no format hint would deliver it. */
export function parseWindows(payload: string): ReturnType<typeof parseRaw> {
  return parseRaw({ sourceId: 'win-1', receivedAt: RECEIVED_AT, transport: 'http', payload }, ZONE);
}

/** The event, or a test failure naming the parser's reason. */
export function windowsEvent(payload: string): SecurityEvent {
  const outcome = parseWindows(payload);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.event;
}
