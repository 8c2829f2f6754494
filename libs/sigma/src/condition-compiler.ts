import { ConditionNode } from './condition-parser';
import { EventView } from './event-view';
import { NOTHING_REQUIRED, Requirement, requireAll, requireAny } from './requirement';
import { unsupported } from './sigma-reason';

/** A compiled condition over one event. */
export type Test = (view: EventView) => boolean;

export interface CompiledExpression {
  test: Test;
  requirement: Requirement;
}

export const ALWAYS: CompiledExpression = { test: () => true, requirement: NOTHING_REQUIRED };

export function every(tests: readonly Test[]): Test {
  if (tests.length === 1) return tests[0]!;
  return (view) => {
    for (const test of tests) if (!test(view)) return false;
    return true;
  };
}

export function some(tests: readonly Test[]): Test {
  if (tests.length === 1) return tests[0]!;
  return (view) => {
    for (const test of tests) if (test(view)) return true;
    return false;
  };
}

function atLeast(count: number, tests: readonly Test[]): Test {
  return (view) => {
    let held = 0;
    for (const test of tests) if (test(view) && ++held >= count) return true;
    return false;
  };
}

const globRegex = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);

/** The search identifiers an `of` names: `them` is all but the `_`-prefixed ones (by convention private). */
function namesOf(pattern: string, names: readonly string[]): string[] {
  if (pattern.toLowerCase() === 'them') return names.filter((n) => !n.startsWith('_'));
  const regex = globRegex(pattern);
  const matched = names.filter((n) => regex.test(n));
  if (matched.length === 0) throw unsupported('unknown-search-identifier', `condition pattern '${pattern}' matches no search identifier`);
  return matched;
}

/** A condition tree over compiled search identifiers → one test, and what it requires of events. */
export function compileNode(node: ConditionNode, searches: ReadonlyMap<string, CompiledExpression>): CompiledExpression {
  switch (node.kind) {
    case 'search': {
      const search = searches.get(node.name);
      if (!search) throw unsupported('unknown-search-identifier', `condition refers to unknown search identifier '${node.name}'`);
      return search;
    }
    case 'not': {
      const inner = compileNode(node.item, searches).test;
      return { test: (view) => !inner(view), requirement: NOTHING_REQUIRED };
    }
    case 'and':
    case 'or': {
      const items = node.items.map((item) => compileNode(item, searches));
      const tests = items.map((i) => i.test);
      const requirements = items.map((i) => i.requirement);
      return node.kind === 'and' ? { test: every(tests), requirement: requireAll(requirements) } : { test: some(tests), requirement: requireAny(requirements) };
    }
    case 'of': {
      const items = namesOf(node.pattern, [...searches.keys()]).map((name) => searches.get(name)!);
      const tests = items.map((i) => i.test);
      const requirements = items.map((i) => i.requirement);
      if (node.quantifier === 'all') return { test: every(tests), requirement: requireAll(requirements) };
      return { test: node.quantifier === 1 ? some(tests) : atLeast(node.quantifier, tests), requirement: requireAny(requirements) };
    }
  }
}

/** Search identifiers a condition uses outside any `not`: those that explain a match. */
export function positiveNames(node: ConditionNode, names: readonly string[], positive: boolean, out: Set<string>): void {
  switch (node.kind) {
    case 'search':
      if (positive) out.add(node.name);
      return;
    case 'not':
      positiveNames(node.item, names, !positive, out);
      return;
    case 'and':
    case 'or':
      for (const item of node.items) positiveNames(item, names, positive, out);
      return;
    case 'of':
      if (positive) for (const name of namesOf(node.pattern, names)) out.add(name);
  }
}
