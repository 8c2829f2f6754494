import { annualPeriod, nextOccurrence, provinceDeadlines, provinceKpis, REGIMES, reminderStage, reportYearOf, systemDeadlines } from '../src/pure';

const regime = REGIMES['nd85-2016']!;

describe('deadlines', () => {
  it('finds the next occurrence of yearly dates', () => {
    expect(nextOccurrence('2026-11-30', [{ month: 12, day: 20 }])).toBe('2026-12-20');
    expect(nextOccurrence('2026-12-21', [{ month: 12, day: 20 }])).toBe('2027-12-20');
    expect(nextOccurrence('2026-07-01', [{ month: 6, day: 14 }, { month: 12, day: 14 }])).toBe('2026-12-14');
  });

  it("lists a level-3 system's reports and its next assessment; level 5 gets the June report too", () => {
    const l3 = systemDeadlines({ systemId: 'dvc', level: 3, regime, lastAssessmentOn: '2025-12-20' }, '2026-11-30', 30);
    expect(l3.map((d) => [d.id, d.dueOn, d.daysLeft])).toEqual([
      ['assessment-report-l3-l4', '2026-12-14', 14],
      ['annual-level-report-owner', '2026-12-20', 20],
      ['assessment', '2026-12-20', 20],
    ]);
    const l5 = systemDeadlines({ systemId: 'x', level: 5, regime, lastAssessmentOn: null }, '2026-06-01', 30);
    expect(l5.map((d) => d.id)).toEqual(['assessment', 'assessment-report-l5']);
    expect(l5[0]!.daysLeft).toBe(0);
    const l1 = systemDeadlines({ systemId: 'y', level: 1, regime, lastAssessmentOn: null }, '2026-11-30', 30);
    expect(l1.map((d) => d.id)).toEqual(['annual-level-report-owner']);
  });

  it("lists the province's reports: 15 Dec network report, 25 Dec to the ministry", () => {
    expect(provinceDeadlines(regime, '2026-12-01', 30).map((d) => [d.id, d.dueOn])).toEqual([
      ['network-report-annual', '2026-12-15'],
      ['annual-level-report-ministry', '2026-12-25'],
    ]);
  });

  it('reminds at 14 days, 3 days, on the day, and when overdue', () => {
    expect([20, 14, 10, 3, 1, 0, -2].map(reminderStage)).toEqual([undefined, 14, 14, 3, 3, 0, -1]);
  });
});

describe('province KPIs', () => {
  it('computes the annual-report ratios by hand-checkable rules', () => {
    const ok = ['ok', 'ok', 'ok', 'ok'] as const;
    const kpis = provinceKpis([
      { level: 3, approved: true, regulationIssued: true, implementation: 'full', layers: ok, assessedInCycle: true },
      { level: 4, approved: true, regulationIssued: false, implementation: 'partial', layers: ['ok', 'warning', 'ok', 'ok'], assessedInCycle: false },
      { level: 2, approved: true, regulationIssued: true, implementation: null, layers: ok, assessedInCycle: false },
      { level: null, approved: false, regulationIssued: false, implementation: null, layers: ['missing', 'missing', 'warning', 'missing'], assessedInCycle: false },
    ]);
    expect(kpis).toMatchObject({
      systems: 4,
      byLevel: { '1': 0, '2': 1, '3': 1, '4': 1, '5': 0, none: 1 },
      approvedLevel: { count: 3, of: 4, percent: 75 },
      fullyImplemented: { count: 1, of: 3, percent: 33.3 },
      partiallyImplemented: { count: 1, of: 3 },
      notImplemented: { count: 1, of: 3 },
      regulationIssued: { count: 2, of: 4, percent: 50 },
      allFourLayersOk: { count: 2, of: 4, percent: 50 },
      level3PlusAssessed: { count: 1, of: 2, percent: 50 },
    });
    expect(provinceKpis([]).approvedLevel.percent).toBeNull();
  });

  it('runs the annual period from 15 Dec to 14 Dec', () => {
    expect(annualPeriod(2026)).toEqual({ from: '2025-12-15', to: '2026-12-14' });
    expect([reportYearOf('2026-12-14'), reportYearOf('2026-12-15')]).toEqual([2026, 2027]);
  });
});
