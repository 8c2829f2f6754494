/** Vietnam time (UTC+07:00, no daylight saving): what a date or time written without a zone means. */
export const DEFAULT_LOCAL_OFFSET_MINUTES = 7 * 60;

const STAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * An expiry as written in an import: an ISO 8601 / RFC 3339 time (`2026-01-31T12:00:00Z`), a time
 * without zone (read at `localOffsetMinutes`), or a date alone, meaning valid through the end of that
 * day there. Undefined when it is not such a value or not a real date.
 */
export function parseValidUntil(text: string, localOffsetMinutes = DEFAULT_LOCAL_OFFSET_MINUTES): Date | undefined {
  const match = STAMP.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const dateOnly = h === undefined;
  const hour = dateOnly ? 0 : Number(h);
  const minute = dateOnly ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  let offset = localOffsetMinutes;
  if (zone !== undefined) {
    if (zone.toUpperCase() === 'Z') offset = 0;
    else {
      const digits = zone.replace(':', '');
      const sign = digits.startsWith('-') ? -1 : 1;
      const zoneHours = Number(digits.slice(1, 3));
      const zoneMinutes = Number(digits.slice(3, 5));
      if (zoneHours > 14 || zoneMinutes > 59) return undefined;
      offset = sign * (zoneHours * 60 + zoneMinutes);
    }
  }
  const millis = fraction === undefined ? 0 : Math.floor(Number(`0${fraction}`) * 1000);
  const utc = Date.UTC(year, month - 1, dateOnly ? day + 1 : day, hour, minute, second, millis) - offset * 60_000;
  return new Date(utc);
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
