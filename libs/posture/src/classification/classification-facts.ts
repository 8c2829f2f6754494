/**
 * What level classification looks at (NĐ 85 Art. 5–6 ≈ NĐ 331 Art. 8–9 [V]), as the inventory records it
 * (information_systems columns of migration 1765641600000).
 */
export const CLASSIFICATION_SYSTEM_TYPES = ['internal', 'public_service', 'infrastructure', 'industrial_control', 'other'] as const;
export type ClassificationSystemType = (typeof CLASSIFICATION_SYSTEM_TYPES)[number];

export const CLASSIFICATION_INFORMATION_TYPES = ['public', 'private', 'personal', 'state_secret'] as const;
export type ClassificationInformationType = (typeof CLASSIFICATION_INFORMATION_TYPES)[number];

/** Construction-works grade of what an industrial control system runs (special, I–IV). */
export type WorksGrade = 'special' | 'I' | 'II' | 'III' | 'IV';

export interface ClassificationFacts {
  /** The regime the system is classified under ('nd85-2016', 'nd331-2026'); an unknown id means the default regime. */
  regimeId: string;
  /** Null: not recorded yet. */
  systemType: ClassificationSystemType | null;
  /** Empty: not recorded yet. */
  informationTypes: readonly ClassificationInformationType[];
  /** People whose personal data the system processes; null: not recorded. */
  dataSubjects: number | null;
  sensitivePersonalData: boolean;
  /** Online public service level (0–4) of a citizen-service system; null: not recorded. */
  publicServiceLevel: number | null;
  operates24x7: boolean;
  nationallyImportant: boolean;
  /** Infrastructure shared by several agencies (within a province or ministry); the inventory does not record it yet. */
  sharedInfrastructure?: boolean | null;
  /** Grade of the works an industrial control system runs; the inventory does not record it yet. */
  worksGrade?: WorksGrade | null;
}

/** The facts a criterion may find missing, with the words the suggestion uses for them. */
export type ClassificationFact = 'systemType' | 'informationTypes' | 'dataSubjects' | 'publicServiceLevel' | 'sharedInfrastructure' | 'worksGrade';

export const CLASSIFICATION_FACT_LABELS: Readonly<Record<ClassificationFact, string>> = {
  systemType: 'loại hệ thống (system type)',
  informationTypes: 'loại thông tin xử lý (information types)',
  dataSubjects: 'số chủ thể dữ liệu (number of data subjects)',
  publicServiceLevel: 'mức độ dịch vụ công trực tuyến (online public service level)',
  sharedInfrastructure: 'hạ tầng dùng chung hay của một cơ quan (shared or single-agency infrastructure)',
  worksGrade: 'cấp công trình do hệ thống điều khiển (grade of the controlled works)',
};
