import type { SystemProfile } from '../system-profile';

/**
 * Changes that call an approved level into question (NĐ 331 Art. 10.2: change of function, users, data
 * or technology), with the Vietnamese and English names a reviewer reads in the review's reason.
 */
const CLASSIFICATION_FIELDS = {
  systemType: ['loại hệ thống', 'system type'],
  informationTypes: ['loại thông tin', 'information types'],
  dataSubjects: ['số chủ thể dữ liệu', 'data subjects'],
  sensitivePersonalData: ['dữ liệu cá nhân nhạy cảm', 'sensitive personal data'],
  publicServiceLevel: ['mức độ dịch vụ công trực tuyến', 'online public-service level'],
  operates24x7: ['yêu cầu vận hành 24/7', '24/7 operation'],
} as const satisfies Partial<Record<keyof SystemProfile, readonly [string, string]>>;

type ClassificationField = keyof typeof CLASSIFICATION_FIELDS;

export const REVIEW_TRIGGERS = ['change', 'serious_incident', 'expansion', 'request'] as const;
export type ReviewTrigger = (typeof REVIEW_TRIGGERS)[number];

/** Of the fields a change touched, those that call for re-determining the level, in a fixed order. */
export function classificationChanges(changedFields: readonly string[]): ClassificationField[] {
  return (Object.keys(CLASSIFICATION_FIELDS) as ClassificationField[]).filter((field) => changedFields.includes(field));
}

/** `Thay đổi loại hệ thống, số chủ thể dữ liệu — … (changed: system type, data subjects — …)` */
export function redeterminationReason(fields: readonly ClassificationField[]): string {
  const vi = fields.map((field) => CLASSIFICATION_FIELDS[field][0]).join(', ');
  const en = fields.map((field) => CLASSIFICATION_FIELDS[field][1]).join(', ');
  return `Thay đổi ${vi}: cần xác định lại cấp độ (NĐ 331 Điều 10.2) — changed ${en}: re-determine the security level (NĐ 331 Art. 10.2)`;
}
