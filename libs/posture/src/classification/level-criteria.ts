import type { Level } from '../pure/regimes';
import type { Certainty } from '../requirements/catalogue';
import type { ClassificationFact, ClassificationFacts } from './classification-facts';

/** What one criterion makes of the facts: met (with a detail worth showing), not met, or not decidable without some facts. */
export type CriterionOutcome = { kind: 'met'; detail?: string } | { kind: 'not_met' } | { kind: 'unknown'; missing: ClassificationFact[] };

export interface LevelCriterion {
  id: string;
  /** The level the criterion raises a system to. */
  level: Level;
  /** Vietnamese with the English in brackets. */
  label: string;
  source: string;
  /** The regimes that have this criterion, with how sure we are of it under each. */
  regimes: Readonly<Record<string, Certainty>>;
  evaluate(facts: ClassificationFacts): CriterionOutcome;
}

const ND85 = 'nd85-2016';
const ND331 = 'nd331-2026';
/** Level 1–2 criteria are checked for NĐ 85 [V]; NĐ 331 keeps the structure [G]. */
const LOW_LEVELS: Readonly<Record<string, Certainty>> = { [ND85]: 'V', [ND331]: 'G' };
/** Level 3–5 criteria follow NĐ 331 Arts. 13–15 [G]; NĐ 85 Arts. 9–11 were not retrieved, so under NĐ 85 they are [U]. */
const HIGH_LEVELS: Readonly<Record<string, Certainty>> = { [ND85]: 'U', [ND331]: 'G' };

const MET: CriterionOutcome = { kind: 'met' };
const NOT_MET: CriterionOutcome = { kind: 'not_met' };
const unknown = (...missing: ClassificationFact[]): CriterionOutcome => ({ kind: 'unknown', missing });
const met = (detail?: string): CriterionOutcome => (detail === undefined ? MET : { kind: 'met', detail });
const has = (facts: ClassificationFacts, type: ClassificationFacts['informationTypes'][number]) => facts.informationTypes.includes(type);
const formatCount = (n: number) => n.toLocaleString('vi-VN');

/** NĐ 331's thresholds of data subjects for level 3: basic personal data, and sensitive personal data. */
export const DATA_SUBJECTS_LEVEL3_BASIC = 100_000;
export const DATA_SUBJECTS_LEVEL3_SENSITIVE = 10_000;
/** NĐ 85's variant [U]: online public services of level 3 or more, for at least this many users. */
export const ND85_LEVEL3_USERS = 10_000;
export const ND85_LEVEL3_PUBLIC_SERVICE_LEVEL = 3;

/** A criterion on the system type alone. */
function whenType(facts: ClassificationFacts, type: ClassificationFacts['systemType'], then: () => CriterionOutcome): CriterionOutcome {
  if (facts.systemType === null) return unknown('systemType');
  return facts.systemType === type ? then() : NOT_MET;
}

/** A criterion on the information types alone. */
function whenInformation(facts: ClassificationFacts, then: () => CriterionOutcome): CriterionOutcome {
  return facts.informationTypes.length === 0 ? unknown('informationTypes') : then();
}

/**
 * The classification criteria of ../shared/domain/vietnam-regulations.md §2, highest level wins. Which regime has
 * which criterion is data here: NĐ 331 adds administrative-procedure systems at level 3, where NĐ 85 (as far as we
 * know [U]) asked for online public services of level ≥ 3 with ≥ 10,000 users.
 */
export const LEVEL_CRITERIA: readonly LevelCriterion[] = [
  {
    id: 'l1-internal-public-only',
    level: 1,
    label: 'Chỉ phục vụ hoạt động nội bộ và chỉ xử lý thông tin công cộng (internal use, public information only)',
    source: 'NĐ 85/2016 Art. 7 [V] (lawnet)',
    regimes: LOW_LEVELS,
    evaluate: (facts) => whenType(facts, 'internal', () => whenInformation(facts, () => (facts.informationTypes.every((t) => t === 'public') ? MET : NOT_MET))),
  },
  {
    id: 'l2-internal-private-data',
    level: 2,
    label: 'Hệ thống nội bộ xử lý thông tin riêng hoặc dữ liệu cá nhân (internal use with private or personal data)',
    source: 'NĐ 85/2016 Art. 8 [V] (thukyluat)',
    regimes: LOW_LEVELS,
    evaluate: (facts) => whenType(facts, 'internal', () => whenInformation(facts, () => (has(facts, 'private') || has(facts, 'personal') ? MET : NOT_MET))),
  },
  {
    id: 'l2-citizen-service',
    level: 2,
    label: 'Hệ thống phục vụ người dân, doanh nghiệp (dịch vụ công trực tuyến mức độ 2 trở xuống) (citizen or business service, online public services up to level 2)',
    source: 'NĐ 85/2016 Art. 8 [V] (thukyluat)',
    regimes: LOW_LEVELS,
    evaluate: (facts) => whenType(facts, 'public_service', () => MET),
  },
  {
    id: 'l2-personal-data',
    level: 2,
    label: 'Xử lý dữ liệu cá nhân (dưới 10.000 chủ thể là tiêu chí cấp độ 2) (personal data; under 10,000 subjects is a level-2 criterion)',
    source: 'NĐ 85/2016 Art. 8 [V] (thukyluat)',
    regimes: LOW_LEVELS,
    evaluate: (facts) =>
      whenInformation(facts, () => (has(facts, 'personal') ? met(facts.dataSubjects === null ? undefined : `${formatCount(facts.dataSubjects)} chủ thể (subjects)`) : NOT_MET)),
  },
  {
    id: 'l2-single-agency-infrastructure',
    level: 2,
    label: 'Hạ tầng thông tin phục vụ một cơ quan, đơn vị (information infrastructure serving one agency)',
    source: 'NĐ 85/2016 Art. 8 [V] (thukyluat)',
    regimes: LOW_LEVELS,
    evaluate: (facts) => whenType(facts, 'infrastructure', () => MET),
  },
  {
    id: 'l3-state-secret',
    level: 3,
    label: 'Xử lý thông tin bí mật nhà nước (state-secret information)',
    source: 'NĐ 331/2026 Arts. 13–15 [G]',
    regimes: HIGH_LEVELS,
    evaluate: (facts) => whenInformation(facts, () => (has(facts, 'state_secret') ? MET : NOT_MET)),
  },
  {
    id: 'l3-administrative-procedures',
    level: 3,
    label: 'Hệ thống giải quyết thủ tục hành chính, cung cấp dịch vụ công trực tuyến (administrative-procedure system, online public services)',
    source: 'NĐ 331/2026 Arts. 13–15 [G] (new in NĐ 331); read from the online public service level (≥ 1)',
    regimes: { [ND331]: 'G' },
    evaluate: (facts) =>
      whenType(facts, 'public_service', () => {
        if (facts.publicServiceLevel === null) return unknown('publicServiceLevel');
        return facts.publicServiceLevel >= 1 ? met(`dịch vụ công trực tuyến mức ${facts.publicServiceLevel} (online public services level ${facts.publicServiceLevel})`) : NOT_MET;
      }),
  },
  {
    id: 'l3-online-services-many-users',
    level: 3,
    label: 'Dịch vụ công trực tuyến mức độ 3 trở lên cho từ 10.000 người dùng (online public services of level 3+ for 10,000+ users)',
    source: 'NĐ 85/2016 Arts. 9–11 [U] (text not retrieved)',
    regimes: { [ND85]: 'U' },
    evaluate: (facts) =>
      whenType(facts, 'public_service', () => {
        if (facts.publicServiceLevel === null) return unknown('publicServiceLevel');
        if (facts.publicServiceLevel < ND85_LEVEL3_PUBLIC_SERVICE_LEVEL) return NOT_MET;
        if (facts.dataSubjects === null) return unknown('dataSubjects');
        return facts.dataSubjects >= ND85_LEVEL3_USERS ? met(`mức ${facts.publicServiceLevel}, ${formatCount(facts.dataSubjects)} người dùng (users)`) : NOT_MET;
      }),
  },
  {
    id: 'l3-many-data-subjects',
    level: 3,
    label: 'Dữ liệu cá nhân của từ 100.000 chủ thể, hoặc dữ liệu cá nhân nhạy cảm của từ 10.000 chủ thể (personal data of 100,000+ subjects, or sensitive personal data of 10,000+)',
    source: 'NĐ 331/2026 Arts. 13–15 [G]',
    regimes: HIGH_LEVELS,
    evaluate: (facts) => {
      if (facts.dataSubjects === null) {
        if (facts.informationTypes.length === 0) return unknown('informationTypes', 'dataSubjects');
        return has(facts, 'personal') || facts.sensitivePersonalData ? unknown('dataSubjects') : NOT_MET;
      }
      const threshold = facts.sensitivePersonalData ? DATA_SUBJECTS_LEVEL3_SENSITIVE : DATA_SUBJECTS_LEVEL3_BASIC;
      return facts.dataSubjects >= threshold ? met(`${formatCount(facts.dataSubjects)} chủ thể${facts.sensitivePersonalData ? ', dữ liệu nhạy cảm (sensitive)' : ''} (subjects)`) : NOT_MET;
    },
  },
  {
    id: 'l3-shared-infrastructure',
    level: 3,
    label: 'Hạ tầng dùng chung trong một bộ, một tỉnh hoặc nhiều tỉnh (infrastructure shared within a ministry or province)',
    source: 'NĐ 331/2026 Arts. 13–15 [G]',
    regimes: HIGH_LEVELS,
    evaluate: (facts) =>
      whenType(facts, 'infrastructure', () => {
        if (facts.sharedInfrastructure === undefined || facts.sharedInfrastructure === null) return unknown('sharedInfrastructure');
        return facts.sharedInfrastructure ? MET : NOT_MET;
      }),
  },
  {
    id: 'l3-industrial-control',
    level: 3,
    label: 'Hệ thống điều khiển công nghiệp cho công trình cấp II–IV (industrial control for works of grade II–IV)',
    source: 'NĐ 331/2026 Arts. 13–15 [G]',
    regimes: HIGH_LEVELS,
    // Grade IV is the lowest construction grade, so every industrial control system of a works is level 3 or more.
    evaluate: (facts) => whenType(facts, 'industrial_control', () => MET),
  },
  {
    id: 'l4-nationally-important',
    level: 4,
    label: 'Hệ thống quan trọng quốc gia, hệ thống quốc gia yêu cầu vận hành 24/7 (nationally important system, national system requiring 24/7 operation)',
    source: 'NĐ 331/2026 Arts. 13–15 [G]',
    regimes: HIGH_LEVELS,
    evaluate: (facts) => (facts.nationallyImportant ? met(facts.operates24x7 ? 'vận hành 24/7 (operates 24/7)' : undefined) : NOT_MET),
  },
  {
    id: 'l4-industrial-control-grade-i',
    level: 4,
    label: 'Hệ thống điều khiển công nghiệp cho công trình cấp I (industrial control for grade-I works)',
    source: 'NĐ 331/2026 Arts. 13–15 [G]',
    regimes: HIGH_LEVELS,
    evaluate: (facts) => whenType(facts, 'industrial_control', () => worksGradeIs(facts, 'I')),
  },
  {
    id: 'l5-national-state-secret',
    level: 5,
    label: 'Hệ thống quan trọng quốc gia xử lý bí mật nhà nước (nationally important system with state secrets)',
    source: 'NĐ 331/2026 Arts. 13–15 [G]; level 5 only by the Prime Minister’s list',
    regimes: HIGH_LEVELS,
    evaluate: (facts) => (!facts.nationallyImportant ? NOT_MET : whenInformation(facts, () => (has(facts, 'state_secret') ? MET : NOT_MET))),
  },
  {
    id: 'l5-industrial-control-special-grade',
    level: 5,
    label: 'Hệ thống điều khiển công nghiệp cho công trình cấp đặc biệt (industrial control for special-grade works)',
    source: 'NĐ 331/2026 Arts. 13–15 [G]',
    regimes: HIGH_LEVELS,
    evaluate: (facts) => whenType(facts, 'industrial_control', () => worksGradeIs(facts, 'special')),
  },
];

function worksGradeIs(facts: ClassificationFacts, grade: NonNullable<ClassificationFacts['worksGrade']>): CriterionOutcome {
  if (facts.worksGrade === undefined || facts.worksGrade === null) return unknown('worksGrade');
  return facts.worksGrade === grade ? MET : NOT_MET;
}
