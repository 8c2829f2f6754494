/**
 * The fields of `changes` (undefined: not given) whose value differs from `current`. Objects compare by
 * content whatever their key order: PostgreSQL's jsonb hands keys back in its own order.
 */
export function changedFields<T extends object>(current: T, changes: Partial<T>): Array<keyof T & string> {
  return (Object.keys(changes) as Array<keyof T & string>).filter((field) => changes[field] !== undefined && canonical(changes[field]) !== canonical(current[field]));
}

/** Only the changed fields of `changes`, for audit details and for writing nothing when nothing changed. */
export function pickChanged<T extends object>(current: T, changes: Partial<T>): Partial<T> {
  return Object.fromEntries(changedFields(current, changes).map((field) => [field, changes[field]])) as Partial<T>;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
