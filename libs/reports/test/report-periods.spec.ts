import { reportPeriod } from '../src/pure';

describe('report periods', () => {
  it('covers the previous day and the previous month', () => {
    expect(reportPeriod('daily', '2026-12-01')).toEqual({ from: '2026-11-30', to: '2026-12-01' });
    expect(reportPeriod('monthly', '2026-12-01')).toEqual({ from: '2026-11-01', to: '2026-12-01' });
    expect(reportPeriod('monthly', '2027-01-01')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
  });

  it('runs the network reports on the 15 Dec – 14 Dec year', () => {
    expect(reportPeriod('half_year', '2026-06-15')).toEqual({ from: '2025-12-15', to: '2026-06-15' });
    expect(reportPeriod('half_year', '2026-09-01')).toEqual({ from: '2025-12-15', to: '2026-06-15' });
    expect(reportPeriod('annual', '2026-12-10')).toEqual({ from: '2025-12-15', to: '2026-12-10' });
    expect(reportPeriod('annual', '2026-12-20')).toEqual({ from: '2026-12-15', to: '2026-12-20' });
    expect(() => reportPeriod('annual', '2026-12-15')).toThrow(/cover nothing/);
  });
});
