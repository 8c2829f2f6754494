import { CompiledCondition, describeMatch, presentPath } from './compiled-condition';
import { EventPath, EventView, findText, someText, Texts } from './event-view';
import { FieldAccess, FieldResolver } from './field-resolver';
import { FieldSpec } from './modifier-chain';
import { NOTHING_REQUIRED } from './requirement';
import { SigmaScalar } from './sigma-rule';
import { unsupported } from './sigma-reason';

/** `fieldref`: the field's value compared with another field's value in the same event. */
export function fieldRefCondition(spec: FieldSpec, values: readonly SigmaScalar[], access: FieldAccess, resolver: FieldResolver): CompiledCondition {
  const others = values.map((v) => {
    if (typeof v !== 'string' || v === '') throw unsupported('invalid-value', "'fieldref' needs field names");
    return resolver.field(v);
  });
  const read = spec.cased ? (view: EventView, path: EventPath) => view.text(path) : (view: EventView, path: EventPath) => view.lower(path);
  const compare: (mine: string, other: string) => boolean =
    spec.position === 'contains'
      ? (a, b) => a.includes(b)
      : spec.position === 'startswith'
        ? (a, b) => a.startsWith(b)
        : spec.position === 'endswith'
          ? (a, b) => a.endsWith(b)
          : (a, b) => a === b;
  const matchesOther = (view: EventView, mine: Texts, other: FieldAccess): boolean => {
    const path = presentPath(view, other.paths);
    if (path === undefined) return false;
    const theirs = read(view, path);
    return someText(mine, (a) => someText(theirs, (b) => compare(a, b)));
  };
  const holds = (view: EventView): boolean => {
    const path = presentPath(view, access.paths);
    const mine = path === undefined ? undefined : read(view, path);
    const matched = spec.all ? others.every((o) => matchesOther(view, mine, o)) : others.some((o) => matchesOther(view, mine, o));
    return spec.negated ? !matched : matched;
  };
  return {
    test: holds,
    explain(view) {
      if (!holds(view)) return undefined;
      const path = presentPath(view, access.paths) ?? access.paths[0]!;
      return describeMatch(spec, path, findText(view.text(path), () => true) ?? null, values.map((v) => `field ${String(v)}`));
    },
    requirement: NOTHING_REQUIRED,
  };
}
