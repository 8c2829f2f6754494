import { type Level, regimeOf } from '../pure/regimes';
import type { Certainty } from '../requirements/catalogue';
import { CLASSIFICATION_FACT_LABELS, type ClassificationFact, type ClassificationFacts } from './classification-facts';
import { LEVEL_CRITERIA, type LevelCriterion } from './level-criteria';

export interface EvaluatedCriterion {
  criterionId: string;
  level: Level;
  label: string;
  certainty: Certainty;
  source: string;
  outcome: 'met' | 'not_met' | 'unknown';
  /** What made it met (e.g. "120.000 chủ thể"), when worth showing. */
  detail?: string;
  /** Facts it could not be decided without. */
  missingFacts: ClassificationFact[];
}

export interface MissingFact {
  fact: ClassificationFact;
  /** "thiếu thông tin: số chủ thể dữ liệu (missing: number of data subjects)". */
  message: string;
  /** Undecided criteria above the suggested level that need it: the level may be higher once it is known. */
  neededFor: string[];
}

export interface LevelSuggestion {
  level: Level;
  /** The regime actually applied (an unknown id falls back to the default regime). */
  regimeId: string;
  /** The criteria met at the suggested level: what raised it there. Empty when no criterion was met. */
  reasons: EvaluatedCriterion[];
  /** The weakest certainty among the reasons (U when there are none). */
  certainty: Certainty;
  /** Every criterion of the regime, with its outcome. */
  evaluated: EvaluatedCriterion[];
  /** Facts whose absence leaves a higher level undecided. */
  missingFacts: MissingFact[];
  notes: string[];
}

const CERTAINTY_RANK: Readonly<Record<Certainty, number>> = { U: 0, G: 1, V: 2 };

export const LEVEL5_NOTE = 'Cấp độ 5 chỉ do Thủ tướng Chính phủ phê duyệt danh mục; đây là đề xuất (level 5 is set only by the Prime Minister’s list; this is a suggestion)';
export const NO_CRITERION_NOTE = 'Không đáp ứng tiêu chí nào; cấp độ 1 đòi hỏi hệ thống nội bộ chỉ xử lý thông tin công cộng (no criterion met; level 1 strictly means internal use with public information only)';
export const NON_NATIONAL_24X7_NOTE = 'Vận hành 24/7 chỉ nâng lên cấp độ 4 với hệ thống quốc gia (24/7 operation raises to level 4 only for national systems)';

/**
 * Suggests a security level from the system's facts: every criterion of its regime is evaluated and the highest
 * level whose criterion is met wins (NĐ 85 Art. 5 / NĐ 331: the highest level applies). Level 1 is the floor.
 * A suggestion, never the level: levels 1–4 are approved by the owner side, level 5 by the Prime Minister.
 */
export function suggestLevel(facts: ClassificationFacts): LevelSuggestion {
  const regimeId = regimeOf(facts.regimeId).id;
  const evaluated = LEVEL_CRITERIA.filter((criterion) => Object.hasOwn(criterion.regimes, regimeId)).map((criterion) => evaluate(criterion, regimeId, facts));
  const met = evaluated.filter((criterion) => criterion.outcome === 'met');
  const level = met.reduce<Level>((highest, criterion) => (criterion.level > highest ? criterion.level : highest), 1);
  const reasons = met.filter((criterion) => criterion.level === level);
  return {
    level,
    regimeId,
    reasons,
    certainty: reasons.length === 0 ? 'U' : reasons.map((r) => r.certainty).reduce((weakest, c) => (CERTAINTY_RANK[c] < CERTAINTY_RANK[weakest] ? c : weakest)),
    evaluated,
    missingFacts: missingFactsAbove(level, evaluated),
    notes: notesFor(level, reasons, facts),
  };
}

function evaluate(criterion: LevelCriterion, regimeId: string, facts: ClassificationFacts): EvaluatedCriterion {
  const outcome = criterion.evaluate(facts);
  return {
    criterionId: criterion.id,
    level: criterion.level,
    label: criterion.label,
    certainty: criterion.regimes[regimeId]!,
    source: criterion.source,
    outcome: outcome.kind,
    ...(outcome.kind === 'met' && outcome.detail !== undefined ? { detail: outcome.detail } : {}),
    missingFacts: outcome.kind === 'unknown' ? outcome.missing : [],
  };
}

/** Missing facts matter only where they could raise the level; below it they change nothing. */
function missingFactsAbove(level: Level, evaluated: readonly EvaluatedCriterion[]): MissingFact[] {
  const needed = new Map<ClassificationFact, string[]>();
  for (const criterion of evaluated) {
    if (criterion.outcome !== 'unknown' || criterion.level <= level) continue;
    for (const fact of criterion.missingFacts) needed.set(fact, [...(needed.get(fact) ?? []), criterion.criterionId]);
  }
  return [...needed].map(([fact, neededFor]) => ({ fact, message: `thiếu thông tin: ${CLASSIFICATION_FACT_LABELS[fact]}`, neededFor }));
}

function notesFor(level: Level, reasons: readonly EvaluatedCriterion[], facts: ClassificationFacts): string[] {
  const notes: string[] = [];
  if (reasons.length === 0) notes.push(NO_CRITERION_NOTE);
  if (level === 5) notes.push(LEVEL5_NOTE);
  if (facts.operates24x7 && !facts.nationallyImportant) notes.push(NON_NATIONAL_24X7_NOTE);
  return notes;
}
