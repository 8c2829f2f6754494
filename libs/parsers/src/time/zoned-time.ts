/** Wall-clock fields as a log line writes them, with no zone attached. */
export interface LocalDateTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Per zone: offset by UTC hour. Zones change offset on the hour, so an hour's offset is fixed. */
const offsetsByZone = new Map<string, Map<number, number>>();
const HOUR_MS = 3_600_000;
const MAX_CACHED_HOURS = 100_000;

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * The last two answers of zoneOffsetMs, as plain variables (no object per answer): lines come in time
 * order, and a year-less stamp asks twice, for its naive time and for its guessed instant, which are
 * hours apart: with one entry the two would evict each other on every line.
 */
let lastZone = '';
let lastBucket = NaN;
let lastOffsetMs = 0;
let previousZone = '';
let previousBucket = NaN;
let previousOffsetMs = 0;

function remember(zone: string, hourBucket: number, offset: number): number {
  previousZone = lastZone;
  previousBucket = lastBucket;
  previousOffsetMs = lastOffsetMs;
  lastZone = zone;
  lastBucket = hourBucket;
  lastOffsetMs = offset;
  return offset;
}

/** Offset of `zone` from UTC at instant `utcMs`, in ms (Intl is slow, so each zone-hour is computed once). */
export function zoneOffsetMs(zone: string, utcMs: number): number {
  const hourBucket = Math.floor(utcMs / HOUR_MS);
  if (hourBucket === lastBucket && zone === lastZone) return lastOffsetMs;
  if (hourBucket === previousBucket && zone === previousZone) return remember(zone, hourBucket, previousOffsetMs);
  let offsets = offsetsByZone.get(zone);
  if (!offsets) {
    offsets = new Map();
    offsetsByZone.set(zone, offsets);
  }
  const cached = offsets.get(hourBucket);
  if (cached !== undefined) return remember(zone, hourBucket, cached);
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(hourBucket * HOUR_MS))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour, parts.minute, parts.second);
  const offset = asUtc - hourBucket * HOUR_MS;
  if (offsets.size >= MAX_CACHED_HOURS) offsets.clear();
  offsets.set(hourBucket, offset);
  return remember(zone, hourBucket, offset);
}

/** Converts a wall-clock time in `zone` to an instant. */
export function localToInstant(local: LocalDateTime, zone: string): Date {
  return inYear(local, local.year, zone);
}

/** `local` in `year` (not `local.year`), as an instant: callers pass a year without copying `local` for it. */
function inYear(local: Omit<LocalDateTime, 'year'>, year: number, zone: string): Date {
  return new Date(inYearMs(local, year, zone));
}

/**
 * {@link inYear} in epoch ms. The last answer is remembered: log lines come in time order and most
 * stamps have second resolution, so a burst of lines asks for the same wall-clock time over and over.
 */
function inYearMs(local: Omit<LocalDateTime, 'year'>, year: number, zone: string): number {
  const { month, day, hour, minute, second, millisecond } = local;
  const asked = lastLocal;
  if (second === asked.second && minute === asked.minute && hour === asked.hour && day === asked.day && month === asked.month && millisecond === asked.millisecond && year === asked.year && zone === asked.zone) {
    return asked.instantMs;
  }
  const naive = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const firstGuess = naive - zoneOffsetMs(zone, naive);
  // Re-read the offset at the guessed instant so times next to a DST change land on the right side.
  const instantMs = naive - zoneOffsetMs(zone, firstGuess);
  lastLocal = { year, month, day, hour, minute, second, millisecond, zone, instantMs };
  return instantMs;
}
let lastLocal = { year: NaN, month: NaN, day: NaN, hour: NaN, minute: NaN, second: NaN, millisecond: NaN, zone: '', instantMs: NaN };

/**
 * BSD syslog timestamps carry no year. Pick the year that puts the event closest to when it was
 * received, so a "Dec 31" line received on 1 January lands in the old year.
 */
export function instantWithoutYear(local: Omit<LocalDateTime, 'year'>, zone: string, receivedAt: Date): Date {
  const received = receivedAt.getTime();
  const receivedYear = localYearAt(received, zone);
  const sameYear = inYear(local, receivedYear, zone);
  // Almost every line is within days of its arrival; only near New Year can another year be closer.
  if (Math.abs(sameYear.getTime() - received) <= HALF_YEAR_MS) return sameYear;
  let best = sameYear;
  for (let year = receivedYear - 1; year <= receivedYear + 1; year += 2) {
    const candidate = inYear(local, year, zone);
    if (Math.abs(candidate.getTime() - received) < Math.abs(best.getTime() - received)) best = candidate;
  }
  return best;
}

const HALF_YEAR_MS = 183 * 24 * HOUR_MS;

/** The year in `zone` at instant `ms`; remembered, as a batch of records shares one receipt time. */
function localYearAt(ms: number, zone: string): number {
  if (ms !== lastYear.ms || zone !== lastYear.zone) lastYear = { ms, zone, year: new Date(ms + zoneOffsetMs(zone, ms)).getUTCFullYear() };
  return lastYear.year;
}
let lastYear = { ms: NaN, zone: '', year: 0 };
