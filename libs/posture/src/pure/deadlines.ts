import { nextAssessmentDue } from './four-layers';
import { type Level, type MonthDay, type Regime } from './regimes';

export interface Deadline {
  /** Stable across days, so a reminder is sent once per deadline and stage. */
  key: string;
  id: string;
  label: string;
  dueOn: string;
  daysLeft: number;
  responsible: 'agency' | 'province';
  systemId: string | null;
}

export interface DeadlineFacts {
  systemId: string;
  level: Level | null;
  regime: Regime;
  lastAssessmentOn: string | null;
}

const DAY_MS = 86_400_000;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The next date on or after `today` falling on one of `dates`. */
export function nextOccurrence(today: string, dates: readonly MonthDay[]): string {
  const year = Number(today.slice(0, 4));
  const candidates = [year, year + 1].flatMap((y) => dates.map((d) => `${y}-${pad(d.month)}-${pad(d.day)}`));
  return candidates.filter((c) => c >= today).sort()[0]!;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A system's deadlines within `horizonDays` of `today`: the regime's recurring reports that apply to its level,
 * and its next independent assessment (overdue ones included, with negative days left).
 */
export function systemDeadlines(facts: DeadlineFacts, today: string, horizonDays: number): Deadline[] {
  const found: Deadline[] = [];
  for (const recurring of facts.regime.deadlines) {
    if (recurring.responsible !== 'agency') continue;
    if (recurring.levels.length > 0 && (facts.level === null || !recurring.levels.includes(facts.level))) continue;
    const dueOn = nextOccurrence(today, recurring.dates);
    found.push({ key: `${recurring.id}:${facts.systemId}:${dueOn}`, id: recurring.id, label: recurring.label, dueOn, daysLeft: daysBetween(today, dueOn), responsible: 'agency', systemId: facts.systemId });
  }
  const cadence = facts.level ? facts.regime.assessmentCadenceMonths[facts.level] : null;
  if (cadence !== null) {
    const dueOn = facts.lastAssessmentOn ? nextAssessmentDue(facts.lastAssessmentOn, cadence) : today;
    found.push({
      key: `assessment:${facts.systemId}:${dueOn}`,
      id: 'assessment',
      label: facts.lastAssessmentOn ? 'Kiểm tra, đánh giá độc lập định kỳ (independent assessment due)' : 'Chưa từng đánh giá độc lập: cần đánh giá ngay (never assessed)',
      dueOn,
      daysLeft: daysBetween(today, dueOn),
      responsible: 'agency',
      systemId: facts.systemId,
    });
  }
  return found.filter((d) => d.daysLeft <= horizonDays).sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
}

/** The province's own recurring reports within the horizon. */
export function provinceDeadlines(regime: Regime, today: string, horizonDays: number): Deadline[] {
  return regime.deadlines
    .filter((d) => d.responsible === 'province')
    .map((d) => {
      const dueOn = nextOccurrence(today, d.dates);
      return { key: `${d.id}:province:${dueOn}`, id: d.id, label: d.label, dueOn, daysLeft: daysBetween(today, dueOn), responsible: 'province' as const, systemId: null };
    })
    .filter((d) => d.daysLeft <= horizonDays)
    .sort((a, b) => a.daysLeft - b.daysLeft);
}

/** Days before a deadline when reminders go out: two weeks, three days, and on the day (and once when overdue). */
export const REMINDER_STAGES = [14, 3, 0] as const;

/** The reminder stage a deadline is in today, if any: the smallest stage not yet passed. */
export function reminderStage(daysLeft: number): number | undefined {
  if (daysLeft < 0) return -1;
  return [...REMINDER_STAGES].reverse().find((stage) => daysLeft <= stage);
}
