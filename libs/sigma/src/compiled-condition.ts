import { EventPath, EventView } from './event-view';
import { FieldResolver } from './field-resolver';
import { FieldMatch } from './match-explanation';
import { FieldSpec } from './modifier-chain';
import { PlaceholderValues } from './placeholders';
import { Requirement } from './requirement';

/** One `Field|modifiers: values` entry of a search map, compiled. */
export interface CompiledCondition {
  test(view: EventView): boolean;
  /** The match details, when `test` holds. */
  explain(view: EventView): FieldMatch | undefined;
  requirement: Requirement;
}

export interface ConditionContext {
  resolver: FieldResolver;
  placeholders: PlaceholderValues;
}

/** The path a field is read from in this event: its first path present (fields), or undefined. */
export function presentPath(view: EventView, paths: readonly EventPath[]): EventPath | undefined {
  if (paths.length === 1) return paths[0];
  for (const path of paths) if (view.value(path) !== undefined) return path;
  return undefined;
}

export function describeMatch(spec: FieldSpec, path: EventPath, value: string | null, expected: readonly string[]): FieldMatch {
  return { field: spec.field, modifiers: spec.modifiers, path: path.key, value, expected };
}

