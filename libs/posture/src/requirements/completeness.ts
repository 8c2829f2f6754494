import type { Level } from '../pure/regimes';
import type { RequirementCatalogue, RequirementGroupKind } from './catalogue';
import { groupsAtLevel } from './applicability';
import type { RequirementStatus } from './requirement-status';

/**
 * How far a system meets the catalogue at its level.
 *
 * - `applicable`: items the level asks for (those later marked not applicable included);
 * - `met`, `partial`, `notMet`, `notApplicable`: items with that recorded status;
 * - `notAssessed`: applicable items with no record;
 * - `percent` = (met + 0.5 × partial) / (applicable − notApplicable) × 100, one decimal; a partial item counts
 *   half, an item not assessed counts as not met; null when nothing is left to count (no item applies, or every
 *   one is marked not applicable).
 */
export interface CompletenessTally {
  applicable: number;
  met: number;
  partial: number;
  notMet: number;
  notAssessed: number;
  notApplicable: number;
  percent: number | null;
}

export interface GroupCompleteness extends CompletenessTally {
  groupId: string;
  name: string;
  kind: RequirementGroupKind;
}

/**
 * The annual level report's classification (TT 12 Art. 13–14 ≈ NĐ 331 Art. 35–36): fully implemented (every
 * counted item met), not implemented (none met or partially met), partially implemented (the rest).
 */
export type ImplementationClass = 'full' | 'partial' | 'none';

export const IMPLEMENTATION_CLASS_LABELS: Readonly<Record<ImplementationClass, string>> = {
  full: 'Triển khai đầy đủ (fully implemented)',
  partial: 'Triển khai một phần (partially implemented)',
  none: 'Chưa triển khai (not implemented)',
};

export interface Completeness extends CompletenessTally {
  catalogueId: string;
  catalogueVersion: string;
  level: Level;
  groups: GroupCompleteness[];
  /** Every applicable item met or not applicable, and at least one met. */
  fullyImplemented: boolean;
  implementation: ImplementationClass;
}

/** Recorded statuses by item id; statuses of items that do not apply at the level (e.g. recorded at an earlier level) are ignored. */
export type RecordedStatuses = ReadonlyMap<string, RequirementStatus>;

export function completeness(catalogue: RequirementCatalogue, level: Level, statuses: RecordedStatuses): Completeness {
  const groups = groupsAtLevel(catalogue, level).map((group): GroupCompleteness => ({
    groupId: group.id,
    name: group.name,
    kind: group.kind,
    ...tally(group.items.map((item) => statuses.get(item.id))),
  }));
  const overall = sumTallies(groups);
  return {
    catalogueId: catalogue.id,
    catalogueVersion: catalogue.version,
    level,
    ...overall,
    groups,
    fullyImplemented: isFullyImplemented(overall),
    implementation: implementationClass(overall),
  };
}

/** Every item that counts is met: nothing partial, not met or unassessed, and not everything set aside as not applicable. */
export function isFullyImplemented(tally: CompletenessTally): boolean {
  const counted = tally.applicable - tally.notApplicable;
  return counted > 0 && tally.met === counted;
}

export function implementationClass(tally: CompletenessTally): ImplementationClass {
  if (isFullyImplemented(tally)) return 'full';
  return tally.met + tally.partial === 0 ? 'none' : 'partial';
}

function tally(statuses: ReadonlyArray<RequirementStatus | undefined>): CompletenessTally {
  const count = (status: RequirementStatus | undefined) => statuses.filter((s) => s === status).length;
  return withPercentage({
    applicable: statuses.length,
    met: count('met'),
    partial: count('partial'),
    notMet: count('not_met'),
    notAssessed: count(undefined),
    notApplicable: count('not_applicable'),
  });
}

function sumTallies(tallies: readonly CompletenessTally[]): CompletenessTally {
  const sum = (key: keyof Omit<CompletenessTally, 'percent'>) => tallies.reduce((total, t) => total + t[key], 0);
  return withPercentage({
    applicable: sum('applicable'),
    met: sum('met'),
    partial: sum('partial'),
    notMet: sum('notMet'),
    notAssessed: sum('notAssessed'),
    notApplicable: sum('notApplicable'),
  });
}

function withPercentage(counts: Omit<CompletenessTally, 'percent'>): CompletenessTally {
  const counted = counts.applicable - counts.notApplicable;
  const percent = counted === 0 ? null : Math.round(((counts.met + 0.5 * counts.partial) / counted) * 1000) / 10;
  return { ...counts, percent };
}
