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
const offsetCache = new Map<string, number>();
const HOUR_MS = 3_600_000;

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

/** Offset of `zone` from UTC at instant `utcMs`, in ms. Cached per zone and hour: zones change offset on the hour. */
export function zoneOffsetMs(zone: string, utcMs: number): number {
  const hourBucket = Math.floor(utcMs / HOUR_MS);
  const key = `${zone}|${hourBucket}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(hourBucket * HOUR_MS))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour, parts.minute, parts.second);
  const offset = asUtc - hourBucket * HOUR_MS;
  if (offsetCache.size > 10_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/** Converts a wall-clock time in `zone` to an instant. */
export function localToInstant(local: LocalDateTime, zone: string): Date {
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);
  const firstGuess = naive - zoneOffsetMs(zone, naive);
  // Re-read the offset at the guessed instant so times next to a DST change land on the right side.
  return new Date(naive - zoneOffsetMs(zone, firstGuess));
}

/**
 * BSD syslog timestamps carry no year. Pick the year that puts the event closest to when it was
 * received, so a "Dec 31" line received on 1 January lands in the old year.
 */
export function instantWithoutYear(local: Omit<LocalDateTime, 'year'>, zone: string, receivedAt: Date): Date {
  const receivedYear = new Date(receivedAt.getTime() + zoneOffsetMs(zone, receivedAt.getTime())).getUTCFullYear();
  let best: Date | undefined;
  for (const year of [receivedYear - 1, receivedYear, receivedYear + 1]) {
    const candidate = localToInstant({ ...local, year }, zone);
    if (!best || Math.abs(candidate.getTime() - receivedAt.getTime()) < Math.abs(best.getTime() - receivedAt.getTime())) {
      best = candidate;
    }
  }
  return best!;
}
