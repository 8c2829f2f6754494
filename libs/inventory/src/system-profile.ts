/** System types of NĐ 85 Art. 6 / NĐ 331 Art. 9: internal, serving citizens and businesses, infrastructure, industrial control, other. */
export const SYSTEM_TYPES = ['internal', 'public_service', 'infrastructure', 'industrial_control', 'other'] as const;
export type SystemType = (typeof SYSTEM_TYPES)[number];

/** Information types of NĐ 85 Art. 5 / NĐ 331 Art. 8, in this order (lists are stored in it). */
export const INFORMATION_TYPES = ['public', 'private', 'personal', 'state_secret'] as const;
export type InformationType = (typeof INFORMATION_TYPES)[number];

/** The system's own security regulation (Quy chế bảo đảm ATTT), which must be issued before approval (TT 12 Art. 9.7). */
export const REGULATION_STATUSES = ['none', 'draft', 'issued'] as const;
export type RegulationStatus = (typeof REGULATION_STATUSES)[number];

/**
 * The keys of REGIMES in libs/posture/src/pure/regimes.ts, listed here because libs/posture has no
 * public entry point yet; keep the two in step (a regime is data there, an accepted id here).
 */
export const REGIME_IDS = ['nd85-2016', 'nd331-2026'] as const;
export type RegimeId = (typeof REGIME_IDS)[number];

export const DOSSIER_STATUSES = ['draft', 'submitted', 'appraised', 'approved', 'returned'] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** What classification needs to know about a system (TT 12 Art. 8), editable by PATCH and by CSV import. */
export interface SystemProfile {
  name: string;
  /** Chủ quản: the owning body. */
  owner: string | null;
  /** Đơn vị vận hành: the operating unit. */
  operator: string | null;
  /** Đơn vị chuyên trách ATTT of the owner. */
  securityUnit: string | null;
  systemType: SystemType | null;
  informationTypes: InformationType[];
  /** Number of data subjects (users whose personal data it holds). */
  dataSubjects: number | null;
  sensitivePersonalData: boolean;
  /** Highest online public-service level it provides (0–4). */
  publicServiceLevel: number | null;
  operates24x7: boolean;
  /** YYYY-MM-DD */
  goLive: string | null;
  /** On the list of nationally important systems (serious-incident criterion). */
  nationallyImportant: boolean;
  /** Layer 4: connected to the national (or provincial) monitoring center. */
  nationalConnected: boolean;
  nationalConnectedOn: string | null;
  regulationStatus: RegulationStatus;
  regimeId: RegimeId;
}

/** The security-level dossier (hồ sơ đề xuất cấp độ): moved only through its workflow. */
export interface Dossier {
  status: DossierStatus;
  proposedLevel: number | null;
  submittedOn: string | null;
  /** The approval decision in force (số quyết định, ngày, người phê duyệt); kept through a re-determination. */
  decisionNumber: string | null;
  decisionDate: string | null;
  approver: string | null;
}

export interface SystemRecord extends SystemProfile {
  id: string;
  agencyId: string;
  /** Approved security level (cấp độ 1–5); null until approved. */
  securityLevel: number | null;
  dossier: Dossier;
  createdAt: string;
  updatedAt: string;
}

/** A change through PATCH or import; `undefined` leaves a field as it is. */
export type SystemChanges = Partial<SystemProfile> & { securityLevel?: number | null };

/** Information types without repeats, in the canonical order, so a reordering is not a change. */
export const canonicalInformationTypes = (types: readonly InformationType[]): InformationType[] => INFORMATION_TYPES.filter((type) => types.includes(type));
