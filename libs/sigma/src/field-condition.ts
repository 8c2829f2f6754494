import { CompiledCondition, ConditionContext } from './compiled-condition';
import { existsCondition } from './exists-condition';
import { fieldRefCondition } from './fieldref-condition';
import { FieldSpec } from './modifier-chain';
import { SigmaScalar } from './sigma-rule';
import { unsupported } from './sigma-reason';
import { textCondition } from './text-condition';

function toArray(values: SigmaScalar | readonly SigmaScalar[]): readonly SigmaScalar[] {
  return Array.isArray(values) ? (values as readonly SigmaScalar[]) : [values as SigmaScalar];
}

/** Compiles one `Field|modifiers: values` entry, its field resolved through the rule's logsource mapping. */
export function compileCondition(spec: FieldSpec, rawValues: SigmaScalar | readonly SigmaScalar[], context: ConditionContext): CompiledCondition {
  const values = toArray(rawValues);
  if (values.length === 0) throw unsupported('invalid-value', `'${spec.field ?? 'keywords'}' has an empty list of values`);
  const access = spec.field === null ? context.resolver.keywords() : context.resolver.field(spec.field);
  switch (spec.value.kind) {
    case 'exists':
      return existsCondition(spec, values, access);
    case 'fieldref':
      return fieldRefCondition(spec, values, access, context.resolver);
    default:
      return textCondition(spec, values, access, context.placeholders);
  }
}
