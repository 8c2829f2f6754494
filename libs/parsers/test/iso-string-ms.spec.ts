import { isoString, isoStringAt, isoStringMs } from '../src/time/iso-string';

describe('isoStringMs', () => {
  it('reads exactly what Date.parse reads from the text isoString writes', () => {
    const samples = [0, 1, 999, 1000, 86_399_999, 86_400_000, 951_782_400_000, 4_107_542_399_999, 253_402_300_799_999];
    for (let year = 1970; year <= 9999; year += year < 2200 ? 1 : 97) {
      for (const [month, day] of [[0, 1], [1, 28], [1, 29], [2, 1], [11, 31]] as const) samples.push(Date.UTC(year, month, day, 23, 59, 59, 999), Date.UTC(year, month, day));
    }
    let seed = 11;
    for (let i = 0; i < 20_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      samples.push(Math.floor((seed / 2 ** 31) * 253_402_300_800_000));
    }
    for (const ms of samples) {
      const text = isoString(new Date(ms));
      expect(isoStringMs(text)).toBe(Date.parse(text));
      expect(isoStringMs(text)).toBe(ms);
    }
  });

  it('leaves every other text to Date.parse', () => {
    const others = [
      '2026-02-29T00:00:00.000Z', '2024-02-30T00:00:00.000Z', '2026-13-01T00:00:00.000Z', '2026-00-10T00:00:00.000Z', '2026-01-00T00:00:00.000Z',
      '2026-01-01T24:00:00.000Z', '2026-01-01T23:60:00.000Z', '2026-01-01T23:59:60.000Z', '1969-12-31T23:59:59.999Z', '0000-01-01T00:00:00.000Z',
      '2026-01-01T00:00:00.000+07:00', '2026-01-01T00:00:00Z', '2026-01-01 00:00:00.000Z', '2026-0a-01T00:00:00.000Z', '2026-01-01T00:00:00.00aZ',
      '+02026-01-01T00:00:00.000Z'.slice(0, 24), 'Tue, 01 Jan 2026 00:00:00 GMT', '', 'x'.repeat(24),
    ];
    for (const text of others) expect(isoStringMs(text)).toBe(Date.parse(text));
    expect(isoStringMs(undefined as unknown as string)).toBe(Date.parse(undefined as unknown as string));
  });
});

describe('isoStringAt', () => {
  it('writes what toISOString writes, whatever the order of instants asked for', () => {
    const instants = [1_700_000_000_000, 1_700_000_000_001, 1_700_000_000_000, 1_700_000_000_000, 5, 1_700_000_000_001, -1, 253_402_300_800_000, 5];
    for (const ms of instants) expect(isoStringAt(ms)).toBe(new Date(ms).toISOString());
    expect(() => isoStringAt(NaN)).toThrow(RangeError);
  });
});
