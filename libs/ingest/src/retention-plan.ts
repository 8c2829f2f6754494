const DAY_MS = 86_400_000;
/** Days created ahead of time, so today's and tomorrow's events never land in the default partition. */
const DAYS_AHEAD = 7;
/** Recent past days created too: late events and replays are common. */
const DAYS_BEHIND = 3;

/** Retention class of an event: its security level 1–5, or 0 when its system (and level) is unknown. */
export type RetentionClass = 0 | 1 | 2 | 3 | 4 | 5;
export const RETENTION_CLASSES: readonly RetentionClass[] = [0, 1, 2, 3, 4, 5];

export interface RetentionPolicy {
  /** Days kept for class 0. */
  defaultDays: number;
  /** Days kept per level; index 0 is level 1. */
  daysByLevel: readonly number[];
}

export interface PartitionPlan {
  create: number[];
  /** Days every class is done with: the whole partition goes. */
  drop: number[];
  /** Days some classes are done with: those rows go, the day stays for the others. */
  trim: Array<{ day: number; classes: RetentionClass[] }>;
  /** Rows in the default partition older than this, per class, are past retention. */
  defaultCutoffs: Map<RetentionClass, number>;
}

export const retentionDays = (policy: RetentionPolicy, c: RetentionClass): number => (c === 0 ? policy.defaultDays : policy.daysByLevel[c - 1]!);

/**
 * What partition maintenance does today: create the days around today, and retire each day class by
 * class — a level-2 system's events leave after 31 days, a level-5 system's stay for a year, in the
 * same daily partition. A day is retired for a class once all of it is older than that class's
 * retention; `trimmed` says which (day, class) pairs were already retired, so no partition is rescanned.
 * Days are UTC-midnight epoch milliseconds.
 */
export function planPartitions(now: Date, existing: readonly number[], trimmed: ReadonlyMap<number, ReadonlySet<number>>, policy: RetentionPolicy): PartitionPlan {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const cutoff = (c: RetentionClass) => today - retentionDays(policy, c) * DAY_MS;
  const lastCutoff = Math.min(...RETENTION_CLASSES.map(cutoff));
  const have = new Set(existing);
  const create: number[] = [];
  for (let day = today - DAYS_BEHIND * DAY_MS; day <= today + DAYS_AHEAD * DAY_MS; day += DAY_MS) {
    if (!have.has(day) && day >= lastCutoff) create.push(day);
  }
  const drop = existing.filter((day) => day < lastCutoff).sort((a, b) => a - b);
  const trim = existing
    .filter((day) => day >= lastCutoff)
    .sort((a, b) => a - b)
    .flatMap((day) => {
      const classes = RETENTION_CLASSES.filter((c) => day < cutoff(c) && !trimmed.get(day)?.has(c));
      return classes.length > 0 ? [{ day, classes }] : [];
    });
  return { create, drop, trim, defaultCutoffs: new Map(RETENTION_CLASSES.map((c) => [c, cutoff(c)])) };
}
