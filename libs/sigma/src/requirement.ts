import { EventPath } from './event-view';

/** A literal that occurs, lowered, in the event's lowered text at `path`. */
export interface LiteralNeed {
  path: EventPath;
  literal: string;
}

/**
 * What every event a compiled test accepts must have. The rule-set index uses it only to skip
 * tests, so a requirement may say less than its test, never more.
 */
export interface Requirement {
  /** For each path: the event's lowered text there is one of these values (all paths must hold). */
  readonly oneOf: ReadonlyMap<string, { path: EventPath; values: ReadonlySet<string> }>;
  /** At least one of these literals occurs; undefined when no literal is known to be needed. */
  readonly contains?: readonly LiteralNeed[];
}

export const NOTHING_REQUIRED: Requirement = { oneOf: new Map() };

/** Shorter literals occur everywhere (`1`, `\\`): not worth indexing. */
const shortest = (needs: readonly LiteralNeed[]) => needs.reduce((min, n) => Math.min(min, n.literal.length), Infinity);

function better(a: readonly LiteralNeed[] | undefined, b: readonly LiteralNeed[] | undefined): readonly LiteralNeed[] | undefined {
  if (!a) return b;
  if (!b) return a;
  const [la, lb] = [shortest(a), shortest(b)];
  if (la !== lb) return la > lb ? a : b;
  return a.length <= b.length ? a : b;
}

/**
 * Every one of the tests must pass, so every requirement holds: keep the equalities and the most
 * selective literals. Two value sets on one path are not intersected: an array field may hold a
 * value of each, so the smaller set alone is kept.
 */
export function requireAll(requirements: readonly Requirement[]): Requirement {
  const oneOf = new Map<string, { path: EventPath; values: ReadonlySet<string> }>();
  let contains: readonly LiteralNeed[] | undefined;
  for (const requirement of requirements) {
    for (const [key, entry] of requirement.oneOf) {
      const known = oneOf.get(key);
      if (!known || entry.values.size < known.values.size) oneOf.set(key, entry);
    }
    contains = better(contains, requirement.contains);
  }
  return contains ? { oneOf, contains } : { oneOf };
}

/** Any one of the tests may pass: only what all of them require, widened to the union. */
export function requireAny(requirements: readonly Requirement[]): Requirement {
  const [first, ...rest] = requirements;
  if (!first) return NOTHING_REQUIRED;
  const oneOf = new Map<string, { path: EventPath; values: ReadonlySet<string> }>();
  for (const [key, entry] of first.oneOf) {
    if (rest.every((r) => r.oneOf.has(key))) oneOf.set(key, { path: entry.path, values: new Set([entry.values, ...rest.map((r) => r.oneOf.get(key)!.values)].flatMap((s) => [...s])) });
  }
  const contains = requirements.every((r) => r.contains) ? requirements.flatMap((r) => r.contains!) : undefined;
  return contains ? { oneOf, contains } : { oneOf };
}
