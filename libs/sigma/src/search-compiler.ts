import { EventView } from './event-view';
import { CompiledCondition, ConditionContext } from './compiled-condition';
import { compileCondition } from './field-condition';
import { FieldMatch } from './match-explanation';
import { parseFieldKey } from './modifier-chain';
import { Requirement, requireAll, requireAny } from './requirement';
import { SigmaFieldMap, SigmaScalar, SigmaSearch } from './sigma-rule';
import { unsupported } from './sigma-reason';

/** A search identifier, compiled: a map is the AND of its fields, a list the OR of its items. */
export interface CompiledSearch {
  test(view: EventView): boolean;
  explain(view: EventView): readonly FieldMatch[] | undefined;
  requirement: Requirement;
}

function compileMap(map: SigmaFieldMap, context: ConditionContext): CompiledSearch {
  const conditions: CompiledCondition[] = Object.entries(map).map(([key, values]) => compileCondition(parseFieldKey(key), values, context));
  if (conditions.length === 0) throw unsupported('invalid-value', 'empty search map');
  const [only] = conditions;
  return {
    test:
      conditions.length === 1
        ? only!.test
        : (view) => {
            for (const condition of conditions) if (!condition.test(view)) return false;
            return true;
          },
    explain(view) {
      const matches: FieldMatch[] = [];
      for (const condition of conditions) {
        const match = condition.explain(view);
        if (!match) return undefined;
        matches.push(match);
      }
      return matches;
    },
    requirement: requireAll(conditions.map((c) => c.requirement)),
  };
}

function anyOf(items: readonly CompiledSearch[]): CompiledSearch {
  const [only] = items;
  if (items.length === 1) return only!;
  return {
    test(view) {
      for (const item of items) if (item.test(view)) return true;
      return false;
    },
    explain(view) {
      for (const item of items) {
        const match = item.explain(view);
        if (match) return match;
      }
      return undefined;
    },
    requirement: requireAny(items.map((i) => i.requirement)),
  };
}

export function compileSearch(search: SigmaSearch, context: ConditionContext): CompiledSearch {
  if (!Array.isArray(search)) return compileMap(search as SigmaFieldMap, context);
  const items = search as ReadonlyArray<SigmaFieldMap | SigmaScalar>;
  if (items.length === 0) throw unsupported('invalid-value', 'empty search list');
  // All keywords of a list form one condition: one pass over the message instead of one per keyword.
  const keywords = items.filter((item): item is SigmaScalar => item === null || typeof item !== 'object');
  const maps = items.filter((item): item is SigmaFieldMap => item !== null && typeof item === 'object');
  const compiled = maps.map((map) => compileMap(map, context));
  if (keywords.length > 0) compiled.unshift(compileMap({ '': keywords }, context));
  return anyOf(compiled);
}
