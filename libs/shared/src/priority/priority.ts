/** How urgently the response team must act: P1 first. Derived from severity × security level (incidents). */
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

export function isPriority(value: unknown): value is Priority {
  return typeof value === 'string' && (PRIORITIES as readonly string[]).includes(value);
}

/** Whether `priority` is at least as urgent as `threshold` (P2 meets P3; P4 does not). */
export function meetsPriority(priority: Priority, threshold: Priority): boolean {
  return PRIORITIES.indexOf(priority) <= PRIORITIES.indexOf(threshold);
}
