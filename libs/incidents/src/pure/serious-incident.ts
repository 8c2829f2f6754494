/**
 * Effects that make an incident on an important system "serious" (QĐ 05/2017/QĐ-TTg): service
 * interruption, possible leak of secret data, important data losing integrity beyond recovery, loss of
 * control, or likely wide spread / cascade.
 */
export const INCIDENT_EFFECTS = ['service_outage', 'secret_data_leak', 'unrecoverable_data_loss', 'loss_of_control', 'wide_spread'] as const;
export type IncidentEffect = (typeof INCIDENT_EFFECTS)[number];

export const EFFECT_LABELS: Readonly<Record<IncidentEffect, string>> = {
  service_outage: 'Gián đoạn dịch vụ (service outage)',
  secret_data_leak: 'Có khả năng lộ bí mật nhà nước (secret data leak)',
  unrecoverable_data_loss: 'Dữ liệu quan trọng mất toàn vẹn, không khôi phục được (unrecoverable data loss)',
  loss_of_control: 'Mất quyền kiểm soát hệ thống (loss of control)',
  wide_spread: 'Có khả năng lan rộng (wide spread or cascade)',
};

export interface SeriousnessFacts {
  /** Highest security level among the systems hit. */
  securityLevel: number | null;
  /** Whether any system hit is on the list of information systems important to national security. */
  nationallyImportant: boolean;
  effects: readonly IncidentEffect[];
}

/** Both conditions of QĐ 05 together: an important system (level 4–5 or national list) and a grave effect. */
export function assessSeriousness(facts: SeriousnessFacts): { serious: boolean; reason: string } {
  const important = (facts.securityLevel ?? 0) >= 4 || facts.nationallyImportant;
  const system = facts.nationallyImportant ? 'hệ thống quan trọng quốc gia' : `hệ thống cấp độ ${facts.securityLevel ?? '?'}`;
  if (!important) return { serious: false, reason: `không nghiêm trọng: ${system} (cần cấp độ 4–5 hoặc thuộc danh mục quan trọng quốc gia)` };
  if (facts.effects.length === 0) return { serious: false, reason: `không nghiêm trọng: ${system} nhưng chưa ghi nhận hậu quả nghiêm trọng` };
  return { serious: true, reason: `sự cố nghiêm trọng: ${system}; hậu quả: ${facts.effects.map((e) => EFFECT_LABELS[e]).join('; ')}` };
}
