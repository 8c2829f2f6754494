/**
 * The chain of ancestors `agencyId` would have under `parentId`, as far as the cycle if one forms:
 * `[parentId, grandparent, …, agencyId]` when giving it that parent makes it its own ancestor, else
 * undefined. `parentOf` is every agency's current parent (pending changes applied).
 */
export function cycleThrough(agencyId: string, parentId: string | null, parentOf: ReadonlyMap<string, string | null>): string[] | undefined {
  const chain: string[] = [];
  const seen = new Set<string>();
  for (let current = parentId; current !== null && current !== undefined; current = parentOf.get(current) ?? null) {
    chain.push(current);
    if (current === agencyId) return chain;
    // A cycle above that does not pass through this agency is not this change's doing; stop walking it.
    if (seen.has(current)) return undefined;
    seen.add(current);
  }
  return undefined;
}

export const describeCycle = (agencyId: string, chain: readonly string[]): string =>
  `parentId: ${chain[0]} is ${chain[0] === agencyId ? 'the agency itself' : `below ${agencyId}`} (parent chain ${[agencyId, ...chain].join(' → ')}); an agency cannot be placed below itself (cấp trên tạo thành vòng lặp)`;
