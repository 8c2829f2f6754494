import type { LayerStatus } from './four-layers';

export type Implementation = 'full' | 'partial' | 'none';

/** What the province KPIs read about one system. */
export interface KpiFacts {
  level: number | null;
  approved: boolean;
  regulationIssued: boolean;
  /** From the requirement statuses; null when nothing was recorded. */
  implementation: Implementation | null;
  layers: readonly LayerStatus[];
  /** Assessed within the current annual cycle (15 Dec – 14 Dec). */
  assessedInCycle: boolean;
}

export interface Ratio {
  count: number;
  of: number;
  /** One decimal; null when `of` is 0. */
  percent: number | null;
}

export interface ProvinceKpis {
  systems: number;
  byLevel: Record<'1' | '2' | '3' | '4' | '5' | 'none', number>;
  approvedLevel: Ratio;
  /** Of approved systems: fully, partially, not implemented (no statuses recorded counts as not). */
  fullyImplemented: Ratio;
  partiallyImplemented: Ratio;
  notImplemented: Ratio;
  regulationIssued: Ratio;
  allFourLayersOk: Ratio;
  /** Of systems at level 3 and above. */
  level3PlusAssessed: Ratio;
}

export function ratio(count: number, of: number): Ratio {
  return { count, of, percent: of === 0 ? null : Math.round((count / of) * 1000) / 10 };
}

/** The annual-report KPIs (TT 12/2022 Art. 13–14) and the four-layer target, over the systems given. */
export function provinceKpis(systems: readonly KpiFacts[]): ProvinceKpis {
  const byLevel: ProvinceKpis['byLevel'] = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, none: 0 };
  for (const s of systems) byLevel[s.level ? (String(s.level) as '1') : 'none'] += 1;
  const approved = systems.filter((s) => s.approved);
  const implemented = (kind: Implementation) => approved.filter((s) => (s.implementation ?? 'none') === kind).length;
  const upper = systems.filter((s) => (s.level ?? 0) >= 3);
  return {
    systems: systems.length,
    byLevel,
    approvedLevel: ratio(approved.length, systems.length),
    fullyImplemented: ratio(implemented('full'), approved.length),
    partiallyImplemented: ratio(implemented('partial'), approved.length),
    notImplemented: ratio(implemented('none'), approved.length),
    regulationIssued: ratio(systems.filter((s) => s.regulationIssued).length, systems.length),
    allFourLayersOk: ratio(systems.filter((s) => s.layers.length === 4 && s.layers.every((l) => l === 'ok')).length, systems.length),
    level3PlusAssessed: ratio(upper.filter((s) => s.assessedInCycle).length, upper.length),
  };
}

/** The annual report's data period: 15 Dec of the year before to 14 Dec of `year`. */
export function annualPeriod(year: number): { from: string; to: string } {
  return { from: `${year - 1}-12-15`, to: `${year}-12-14` };
}

/** The report year a day falls in (15 Dec starts the next year's period). */
export function reportYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  return day.slice(5) >= '12-15' ? year + 1 : year;
}
