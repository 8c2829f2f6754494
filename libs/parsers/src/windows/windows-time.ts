import { localToInstant } from '../time/zoned-time';

const STAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Windows stamps as the layouts write them: `2020-09-09 13:18:23.627951` (evtx, UTC),
 * `2021-11-08T18:09:47.4367951Z` (seven fraction digits, which Date does not read everywhere).
 * A stamp without zone is read in `zoneWhenNone`; System/TimeCreated is UTC, NXLog's EventTime is local.
 */
export function windowsTimestamp(text: string | undefined, zoneWhenNone = 'UTC'): string | undefined {
  const match = text === undefined ? null : STAMP.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const local = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    millisecond: Number((fraction ?? '0').padEnd(3, '0').slice(0, 3)),
  };
  if (local.month < 1 || local.month > 12 || local.day < 1 || local.day > 31 || local.hour > 23 || local.minute > 59 || local.second > 60) return undefined;
  try {
    const instant = zone === undefined ? localToInstant(local, zoneWhenNone) : new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond) - offsetMs(zone));
    return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
  } catch {
    // An unknown zone name in the configuration must not cost the record: keep the dispatcher's time.
    return undefined;
  }
}

function offsetMs(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60_000;
}
