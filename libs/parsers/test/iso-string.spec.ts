import { isoString } from '../src/time/iso-string';

describe('isoString', () => {
  it('writes exactly what Date#toISOString writes', () => {
    const samples = [0, -0, 1, 999, 1000, 86_399_999, 86_400_000, 951_782_400_000, 4_107_542_399_999, 253_402_300_799_999];
    // Leap days, month and year ends, and a spread of instants from 1970 to 9999.
    for (let year = 1970; year <= 9999; year += year < 2200 ? 1 : 97) {
      for (const [month, day] of [[0, 1], [1, 28], [1, 29], [2, 1], [11, 31]] as const) samples.push(Date.UTC(year, month, day, 23, 59, 59, 999), Date.UTC(year, month, day));
    }
    let seed = 7;
    for (let i = 0; i < 20_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      samples.push(Math.floor((seed / 2 ** 31) * 253_402_300_800_000));
    }
    for (const ms of samples) expect(isoString(new Date(ms))).toBe(new Date(ms).toISOString());
  });

  it('leaves instants outside 1970–9999 and invalid dates to toISOString', () => {
    for (const ms of [-1, -62_198_755_200_000, 253_402_300_800_000, 8.64e15]) expect(isoString(new Date(ms))).toBe(new Date(ms).toISOString());
    expect(() => isoString(new Date(NaN))).toThrow(RangeError);
  });
});
