import { instantWithoutYear, localToInstant, zoneOffsetMs } from '@soc/parsers';

const at = (iso: string) => new Date(iso);
const wall = { month: 1, day: 1, hour: 0, minute: 0, second: 30, millisecond: 0 };

describe('zoned time', () => {
  it('knows Vietnam is UTC+7 all year (no daylight saving)', () => {
    expect(zoneOffsetMs('Asia/Ho_Chi_Minh', Date.parse('2026-01-15T00:00:00Z'))).toBe(7 * 3_600_000);
    expect(zoneOffsetMs('Asia/Ho_Chi_Minh', Date.parse('2026-07-15T00:00:00Z'))).toBe(7 * 3_600_000);
  });

  it('converts wall-clock times on both sides of a daylight-saving change', () => {
    const zone = 'Europe/Berlin';
    expect(localToInstant({ year: 2026, month: 3, day: 29, hour: 1, minute: 30, second: 0, millisecond: 0 }, zone).toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(localToInstant({ year: 2026, month: 3, day: 29, hour: 3, minute: 30, second: 0, millisecond: 0 }, zone).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('picks the year closest to arrival for year-less syslog stamps, across New Year both ways', () => {
    const zone = 'Asia/Ho_Chi_Minh';
    // A 1 January line received a minute early (sender clock ahead) belongs to the next year.
    expect(instantWithoutYear(wall, zone, at('2026-12-31T16:59:00Z')).toISOString()).toBe('2026-12-31T17:00:30.000Z');
    // A 31 December line received on 1 January belongs to the old year.
    expect(instantWithoutYear({ ...wall, month: 12, day: 31, hour: 23 }, zone, at('2027-01-01T01:00:00+07:00')).toISOString()).toBe('2026-12-31T16:00:30.000Z');
    expect(instantWithoutYear({ ...wall, month: 6 }, zone, at('2026-06-01T12:00:00Z')).toISOString()).toBe('2026-05-31T17:00:30.000Z');
  });
});
