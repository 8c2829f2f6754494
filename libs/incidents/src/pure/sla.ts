import type { Priority, SlaTarget } from '@soc/shared';

const MINUTE = 60_000;

/** When an incident opened at `openedAt` must be acknowledged and resolved, for its priority. */
export function slaDueTimes(openedAt: Date, priority: Priority, targets: Readonly<Record<Priority, SlaTarget>>): { acknowledgeBy: Date; resolveBy: Date } {
  const target = targets[priority];
  return {
    acknowledgeBy: new Date(openedAt.getTime() + target.acknowledgeMinutes * MINUTE),
    resolveBy: new Date(openedAt.getTime() + target.resolveMinutes * MINUTE),
  };
}

export type SlaKind = 'acknowledge' | 'resolve';

export const SLA_LABELS: Readonly<Record<SlaKind, string>> = {
  acknowledge: 'Quá hạn tiếp nhận (time to acknowledge)',
  resolve: 'Quá hạn xử lý (time to resolve)',
};
