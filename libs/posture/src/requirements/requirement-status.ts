/** What an assessor recorded for one item; an item with no record is "not assessed". */
export const REQUIREMENT_STATUSES = ['met', 'partial', 'not_met', 'not_applicable'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

export const REQUIREMENT_STATUS_LABELS: Readonly<Record<RequirementStatus | 'not_assessed', string>> = {
  met: 'Đáp ứng (met)',
  partial: 'Đáp ứng một phần (partially met)',
  not_met: 'Chưa đáp ứng (not met)',
  not_applicable: 'Không áp dụng (not applicable)',
  not_assessed: 'Chưa đánh giá (not assessed)',
};
