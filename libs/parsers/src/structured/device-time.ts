import { instantWithoutYear, LocalDateTime, localToInstant } from '../time/zoned-time';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

// The stamps CEF allows besides epoch milliseconds: "MMM dd[ yyyy] HH:mm:ss[.SSS][ zone]".
const MONTH_STAMP = /^([A-Za-z]{3}) (\d{1,2})(?: (\d{4}))? (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?: (\S+))?$/;
const EPOCH_MS = /^\d{1,15}$/;

/**
 * A device timestamp (CEF `rt`, `start`, `end`, LEEF `devTime` without a format) as an instant.
 * Stamps without a zone are read in `zone`; stamps without a year take the one closest to `receivedAt`.
 */
export function parseDeviceTime(value: string, zone: WrittenZone, receivedAt: Date): Date | undefined {
  if (EPOCH_MS.test(value)) return validDate(new Date(Number(value)));
  const stamp = MONTH_STAMP.exec(value);
  if (!stamp) return undefined;
  const month = MONTHS[stamp[1]!.toLowerCase()];
  if (!month) return undefined;
  const local = {
    month,
    day: Number(stamp[2]),
    hour: Number(stamp[4]),
    minute: Number(stamp[5]),
    second: Number(stamp[6]),
    millisecond: stamp[7] ? Math.floor(Number(`0.${stamp[7]}`) * 1000) : 0,
  };
  if (!plausible(local)) return undefined;
  const timeZone = stamp[8] === undefined ? zone : readZone(stamp[8]);
  if (timeZone === undefined) return undefined;
  const year = stamp[3] === undefined ? undefined : Number(stamp[3]);
  return zonedInstant(year === undefined ? local : Object.assign({ year }, local), timeZone, receivedAt);
}

/** A zone as logged: an IANA name, or a fixed offset from UTC in minutes (`UTC`, `Z`, `+07:00`, `+0700`). */
export type WrittenZone = string | number;

export function readZone(written: string): WrittenZone | undefined {
  if (/^(?:UTC|GMT|Z)$/i.test(written)) return 0;
  const offset = /^(?:GMT|UTC)?([+-])(\d{2}):?(\d{2})$/.exec(written);
  if (offset) return (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: written }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Wall-clock time in a zone as an instant; without a year, the year closest to `receivedAt`. */
export function zonedInstant(local: Omit<LocalDateTime, 'year'> & { year?: number }, zone: WrittenZone, receivedAt: Date): Date | undefined {
  const ianaZone = typeof zone === 'string' ? zone : 'UTC';
  const shift = typeof zone === 'number' ? zone * 60_000 : 0;
  const { year, ...rest } = local;
  // Not `{ ...rest, year }`, a slow object literal in V8 (see plain-object.ts); only the values are read.
  const instant = year === undefined ? instantWithoutYear(rest, ianaZone, receivedAt) : localToInstant(Object.assign({ year }, rest), ianaZone);
  return validDate(new Date(instant.getTime() - shift));
}

export function plausible(local: Omit<LocalDateTime, 'year'>): boolean {
  return local.month >= 1 && local.month <= 12 && local.day >= 1 && local.day <= 31 && local.hour <= 23 && local.minute <= 59 && local.second <= 60;
}

const validDate = (date: Date): Date | undefined => (Number.isNaN(date.getTime()) ? undefined : date);
