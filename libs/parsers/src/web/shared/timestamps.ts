import { isoString } from '../../time/iso-string';
import { localToInstant } from '../../time/zoned-time';

export const MONTHS: Readonly<Record<string, number>> = {
  Jan: 1, Feb: 2, Mar: 3, Apr: 4, May: 5, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Oct: 10, Nov: 11, Dec: 12,
};

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Digits after the decimal point, as written (keeps up to ms). */
  fraction?: string;
}

/**
 * A wall-clock time to an ISO instant: with its written UTC offset in minutes, else in `zone`.
 * Undefined for impossible dates (Feb 30, hour 25), so a bad stamp never becomes a wrong one.
 */
export function wallClockToIso(clock: WallClock, offsetMinutes: number | undefined, zone: string): string | undefined {
  const { year, month, day, hour, minute, second } = clock;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  const millisecond = clock.fraction ? Math.floor(Number(`0.${clock.fraction}`) * 1000) : 0;
  const utc =
    offsetMinutes === undefined
      ? localToInstant({ year, month, day, hour, minute, second: Math.min(second, 59), millisecond }, zone).getTime()
      : Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millisecond) - offsetMinutes * 60_000;
  return isoOrUndefined(utc);
}

/** `+0700`, `-07:00`, `Z` → minutes east of UTC. */
export function offsetMinutes(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (text === 'Z' || text === 'z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?\s?(Z|z|[+-]\d{2}:?\d{2})?$/;

/** ISO 8601 / RFC 3339 and the common `-0400` variant (Suricata); zone-less stamps are read in `zone`. */
export function isoToIso(text: string, zone: string): string | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const offset = offsetMinutes(m[8]);
  if (m[8] !== undefined && offset === undefined) return undefined;
  return wallClockToIso(
    { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]), fraction: m[7] },
    offset,
    zone,
  );
}

/** Epoch seconds (Zeek `ts`, Squid); values past year 2286 in seconds are taken as milliseconds. */
export function epochToIso(value: number): string | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  return isoOrUndefined(value >= 1e10 ? Math.floor(value) : Math.floor(value * 1000));
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1] ?? 0;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isoOrUndefined(ms: number): string | undefined {
  // Beyond ±8.64e15 ms toISOString throws; the bound also keeps absurd years out.
  if (!Number.isFinite(ms) || ms < 0 || ms > 253402300799999) return undefined;
  return isoString(new Date(ms));
}
