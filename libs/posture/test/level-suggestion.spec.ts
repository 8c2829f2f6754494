import type { ClassificationFacts } from '../src/classification/classification-facts';
import { LEVEL5_NOTE, NO_CRITERION_NOTE, NON_NATIONAL_24X7_NOTE, suggestLevel } from '../src/classification/level-suggestion';

const ND85 = 'nd85-2016';
const ND331 = 'nd331-2026';

/** An internal system with public information only: level 1 under both regimes. */
const base = (changes: Partial<ClassificationFacts> = {}): ClassificationFacts => ({
  regimeId: ND331,
  systemType: 'internal',
  informationTypes: ['public'],
  dataSubjects: null,
  sensitivePersonalData: false,
  publicServiceLevel: null,
  operates24x7: false,
  nationallyImportant: false,
  ...changes,
});
const reasonIds = (facts: ClassificationFacts) => suggestLevel(facts).reasons.map((r) => r.criterionId);
const missing = (facts: ClassificationFacts) => suggestLevel(facts).missingFacts.map((m) => m.fact);

describe('level suggestion', () => {
  describe('level 1', () => {
    it.each([ND85, ND331])('suggests 1 for an internal system with public information only (%s)', (regimeId) => {
      const suggestion = suggestLevel(base({ regimeId }));
      expect(suggestion).toMatchObject({ level: 1, regimeId, missingFacts: [], notes: [] });
      expect(suggestion.reasons.map((r) => r.criterionId)).toEqual(['l1-internal-public-only']);
    });

    it('stays at 1 with a note when no criterion is met at all', () => {
      const suggestion = suggestLevel(base({ systemType: 'other' }));
      expect(suggestion).toMatchObject({ level: 1, reasons: [], certainty: 'U', notes: [NO_CRITERION_NOTE] });
    });
  });

  describe('level 2', () => {
    it('internal use with private or personal data', () => {
      expect(suggestLevel(base({ informationTypes: ['public', 'private'] })).level).toBe(2);
      expect(reasonIds(base({ informationTypes: ['private'] }))).toEqual(['l2-internal-private-data']);
    });

    it('a citizen service offering no online procedures (NĐ 331) or online services up to level 2 (NĐ 85)', () => {
      expect(reasonIds(base({ systemType: 'public_service', publicServiceLevel: 0 }))).toEqual(['l2-citizen-service']);
      expect(reasonIds(base({ regimeId: ND85, systemType: 'public_service', publicServiceLevel: 2 }))).toEqual(['l2-citizen-service']);
    });

    it('personal data of fewer than 10,000 subjects, with the count as detail', () => {
      const suggestion = suggestLevel(base({ systemType: 'other', informationTypes: ['personal'], dataSubjects: 8_000 }));
      expect(suggestion.level).toBe(2);
      expect(suggestion.reasons).toEqual([expect.objectContaining({ criterionId: 'l2-personal-data', detail: '8.000 chủ thể (subjects)', certainty: 'G' })]);
    });

    it('infrastructure serving one agency', () => {
      expect(suggestLevel(base({ systemType: 'infrastructure', sharedInfrastructure: false }))).toMatchObject({ level: 2, missingFacts: [] });
    });

    it('is [V] under NĐ 85 and [G] under NĐ 331', () => {
      expect(suggestLevel(base({ regimeId: ND85, informationTypes: ['private'] })).certainty).toBe('V');
      expect(suggestLevel(base({ regimeId: ND331, informationTypes: ['private'] })).certainty).toBe('G');
    });
  });

  describe('level 3', () => {
    it('state-secret information', () => {
      expect(reasonIds(base({ informationTypes: ['state_secret'] }))).toEqual(['l3-state-secret']);
    });

    it('personal data of 100,000+ subjects, or sensitive personal data of 10,000+', () => {
      const personal = (dataSubjects: number, sensitivePersonalData = false) => suggestLevel(base({ informationTypes: ['personal'], dataSubjects, sensitivePersonalData })).level;
      expect(personal(99_999)).toBe(2);
      expect(personal(100_000)).toBe(3);
      expect(personal(9_999, true)).toBe(2);
      expect(personal(10_000, true)).toBe(3);
      expect(suggestLevel(base({ informationTypes: ['personal'], dataSubjects: 120_000 })).reasons[0]).toMatchObject({ criterionId: 'l3-many-data-subjects', detail: '120.000 chủ thể (subjects)' });
    });

    it('infrastructure shared within a province', () => {
      expect(reasonIds(base({ systemType: 'infrastructure', sharedInfrastructure: true }))).toEqual(['l3-shared-infrastructure']);
    });

    it('industrial control of any works, with the grade missing for levels 4–5', () => {
      const suggestion = suggestLevel(base({ systemType: 'industrial_control' }));
      expect(suggestion.level).toBe(3);
      expect(suggestion.missingFacts).toEqual([{ fact: 'worksGrade', message: 'thiếu thông tin: cấp công trình do hệ thống điều khiển (grade of the controlled works)', neededFor: ['l4-industrial-control-grade-i', 'l5-industrial-control-special-grade'] }]);
      expect(suggestLevel(base({ systemType: 'industrial_control', worksGrade: 'II' })).level).toBe(3);
      expect(suggestLevel(base({ systemType: 'industrial_control', worksGrade: 'I' })).level).toBe(4);
      expect(suggestLevel(base({ systemType: 'industrial_control', worksGrade: 'special' })).level).toBe(5);
    });
  });

  describe('regime differences at level 3', () => {
    const service = (publicServiceLevel: number | null, dataSubjects: number | null) =>
      base({ systemType: 'public_service', informationTypes: ['public', 'personal'], publicServiceLevel, dataSubjects });

    it('NĐ 331: an administrative-procedure system (online public services of any level) is level 3, whatever its users', () => {
      const suggestion = suggestLevel({ ...service(1, 500), regimeId: ND331 });
      expect(suggestion.level).toBe(3);
      expect(suggestion.reasons).toEqual([expect.objectContaining({ criterionId: 'l3-administrative-procedures', certainty: 'G' })]);
      expect(suggestion.evaluated.map((c) => c.criterionId)).not.toContain('l3-online-services-many-users');
    });

    it('NĐ 85: only online public services of level 3+ for 10,000+ users make level 3 [U]', () => {
      expect(suggestLevel({ ...service(1, 500), regimeId: ND85 }).level).toBe(2);
      expect(suggestLevel({ ...service(3, 9_999), regimeId: ND85 }).level).toBe(2);
      const suggestion = suggestLevel({ ...service(3, 10_000), regimeId: ND85 });
      expect(suggestion).toMatchObject({ level: 3, certainty: 'U' });
      expect(suggestion.reasons.map((r) => r.criterionId)).toEqual(['l3-online-services-many-users']);
      expect(suggestion.evaluated.map((c) => c.criterionId)).not.toContain('l3-administrative-procedures');
    });

    it('names the fact each regime is missing', () => {
      expect(missing({ ...service(null, 500), regimeId: ND331 })).toEqual(['publicServiceLevel']);
      expect(missing({ ...service(4, null), regimeId: ND85 })).toEqual(['dataSubjects']);
    });

    it('falls back to the default regime (NĐ 85) for an unknown regime id', () => {
      expect(suggestLevel({ ...service(1, 500), regimeId: 'no-such' })).toMatchObject({ regimeId: ND85, level: 2 });
    });
  });

  describe('levels 4 and 5', () => {
    it('a nationally important system is level 4, with 24/7 operation as detail', () => {
      const suggestion = suggestLevel(base({ nationallyImportant: true, operates24x7: true }));
      expect(suggestion.level).toBe(4);
      expect(suggestion.reasons).toEqual([expect.objectContaining({ criterionId: 'l4-nationally-important', detail: 'vận hành 24/7 (operates 24/7)' })]);
      expect(suggestion.notes).toEqual([]);
    });

    it('24/7 operation alone does not raise a provincial system, and says so', () => {
      expect(suggestLevel(base({ operates24x7: true }))).toMatchObject({ level: 1, notes: [NON_NATIONAL_24X7_NOTE] });
    });

    it('a nationally important system with state secrets is suggested 5, with the Prime Minister’s list as a note', () => {
      const suggestion = suggestLevel(base({ nationallyImportant: true, informationTypes: ['state_secret'] }));
      expect(suggestion).toMatchObject({ level: 5, notes: [LEVEL5_NOTE] });
      expect(suggestion.reasons.map((r) => r.criterionId)).toEqual(['l5-national-state-secret']);
    });
  });

  describe('the highest criterion wins, and what is evaluated and missing is reported', () => {
    it('returns every criterion of the regime with its outcome; reasons are only the winning level’s', () => {
      const suggestion = suggestLevel(base({ informationTypes: ['private', 'state_secret'] }));
      expect(suggestion.level).toBe(3);
      expect(suggestion.reasons.map((r) => r.criterionId)).toEqual(['l3-state-secret']);
      const outcome = Object.fromEntries(suggestion.evaluated.map((c) => [c.criterionId, c.outcome]));
      expect(outcome).toMatchObject({ 'l1-internal-public-only': 'not_met', 'l2-internal-private-data': 'met', 'l3-state-secret': 'met', 'l4-nationally-important': 'not_met' });
    });

    it('reports missing facts in Vietnamese, only where they could raise the level', () => {
      const suggestion = suggestLevel(base({ systemType: 'other', informationTypes: ['personal'], dataSubjects: null }));
      expect(suggestion.level).toBe(2);
      expect(suggestion.missingFacts).toEqual([{ fact: 'dataSubjects', message: 'thiếu thông tin: số chủ thể dữ liệu (number of data subjects)', neededFor: ['l3-many-data-subjects'] }]);
      // Already level 3 by state secrets: the unknown subject count cannot change it.
      expect(missing(base({ informationTypes: ['personal', 'state_secret'] }))).toEqual([]);
    });

    it('asks for the system type and information types when nothing is recorded', () => {
      const suggestion = suggestLevel(base({ systemType: null, informationTypes: [] }));
      expect(suggestion.level).toBe(1);
      expect(suggestion.missingFacts.map((m) => m.fact).sort()).toEqual(['dataSubjects', 'informationTypes', 'systemType']);
    });

    it('asks whether infrastructure is shared when it is not recorded', () => {
      expect(suggestLevel(base({ systemType: 'infrastructure' }))).toMatchObject({ level: 2, missingFacts: [expect.objectContaining({ fact: 'sharedInfrastructure' })] });
    });
  });
});
