import { CompiledCondition, describeMatch } from './compiled-condition';
import { EventView, findText } from './event-view';
import { FieldAccess } from './field-resolver';
import { FieldSpec } from './modifier-chain';
import { NOTHING_REQUIRED } from './requirement';
import { SigmaScalar } from './sigma-rule';
import { unsupported } from './sigma-reason';

/** `exists: true|false`: the field is (not) present, whatever its value. */
export function existsCondition(spec: FieldSpec, values: readonly SigmaScalar[], access: FieldAccess): CompiledCondition {
  const [wanted] = values;
  const expected = wanted === true || wanted === 'true' ? true : wanted === false || wanted === 'false' ? false : undefined;
  if (values.length !== 1 || expected === undefined) throw unsupported('invalid-value', `'exists' needs true or false`);
  const present = (view: EventView) => access.paths.find((path) => view.value(path) !== undefined);
  return {
    test: (view) => (present(view) !== undefined) === expected,
    explain(view) {
      const path = present(view);
      if ((path !== undefined) !== expected) return undefined;
      const where = path ?? access.paths[0]!;
      return describeMatch(spec, where, path === undefined ? null : (findText(view.text(path), () => true) ?? ''), [String(expected)]);
    },
    requirement: NOTHING_REQUIRED,
  };
}
