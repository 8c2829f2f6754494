/**
 * Which agencies' data a caller may see. Repositories of agency-owned data take one on every
 * method, so a query cannot be written without deciding its scope.
 */
export type AgencyScope = { readonly all: true } | { readonly all: false; readonly agencies: readonly string[] };

export const ALL_AGENCIES: AgencyScope = { all: true };

export const agenciesScope = (agencies: readonly string[]): AgencyScope => ({ all: false, agencies: [...agencies] });

/** Whether a record owned by `agencyId` (null: not attributed to any agency) is visible in `scope`. */
export function inScope(scope: AgencyScope, agencyId: string | null | undefined): boolean {
  return scope.all || (agencyId !== null && agencyId !== undefined && scope.agencies.includes(agencyId));
}

/**
 * SQL condition restricting `column` to the scope, as `$n` placeholders starting at `firstParam`.
 * Province-wide scope adds no restriction; records of no agency are visible only province-wide.
 */
export function scopeCondition(scope: AgencyScope, column: string, firstParam: number): { sql: string; params: unknown[] } {
  return scope.all ? { sql: 'TRUE', params: [] } : { sql: `${column} = ANY($${firstParam}::text[])`, params: [scope.agencies] };
}
