import { planPartitions } from '../src/retention-plan';

const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const policy = { defaultDays: 60, daysByLevel: [31, 31, 93, 186, 366] };
const now = new Date('2026-11-30T10:00:00Z');

describe('planPartitions: daily partitions retired level by level', () => {
  it('creates the days from 3 behind to 7 ahead that are missing', () => {
    const plan = planPartitions(now, [day('2026-11-30'), day('2026-12-01')], new Map(), policy);
    expect(plan.create.map(iso)).toEqual(['2026-11-27', '2026-11-28', '2026-11-29', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07']);
    expect(plan.drop).toEqual([]);
    expect(plan.trim).toEqual([]);
  });

  it('trims each class once the whole day is older than its retention, and drops a day only when every class is done', () => {
    const existing = ['2026-11-30', '2026-10-30', '2026-10-29', '2026-09-01', '2026-05-01', '2025-11-29', '2025-11-28'].map(day);
    const plan = planPartitions(now, existing, new Map(), policy);
    // 30 Oct is 31 days back: its last instant is younger than 31 days, so nothing goes yet.
    expect(plan.trim.map(({ day: d, classes }) => [iso(d), classes])).toEqual([
      ['2025-11-29', [0, 1, 2, 3, 4]],
      ['2026-05-01', [0, 1, 2, 3, 4]],
      ['2026-09-01', [0, 1, 2]],
      ['2026-10-29', [1, 2]],
    ]);
    expect(plan.drop.map(iso)).toEqual(['2025-11-28']);
    expect(new Date(plan.defaultCutoffs.get(5)!).toISOString()).toBe('2025-11-29T00:00:00.000Z');
    expect(plan.defaultCutoffs.get(2)! - plan.defaultCutoffs.get(3)!).toBe(62 * DAY);
  });

  it('does not trim a (day, class) it has already trimmed', () => {
    const trimmed = new Map([[day('2026-09-01'), new Set([0, 1])]]);
    const plan = planPartitions(now, [day('2026-09-01')], trimmed, policy);
    expect(plan.trim).toEqual([{ day: day('2026-09-01'), classes: [2] }]);
  });
});
