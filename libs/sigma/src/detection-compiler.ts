import { compileNode, CompiledExpression, positiveNames, some } from './condition-compiler';
import { parseCondition } from './condition-parser';
import { ConditionContext } from './compiled-condition';
import { requireAny } from './requirement';
import { CompiledSearch, compileSearch } from './search-compiler';
import { SigmaDetection } from './sigma-rule';
import { collectReason, SigmaReason } from './sigma-reason';

export interface CompiledDetection extends CompiledExpression {
  searches: ReadonlyMap<string, CompiledSearch>;
  positive: ReadonlySet<string>;
}

/** Each search and condition is compiled on its own, so every unsupported part is reported, not just the first. */
function compileParts(detection: SigmaDetection, context: ConditionContext, reasons: SigmaReason[]): CompiledDetection | undefined {
  const failed = reasons.length;
  const searches = new Map<string, CompiledSearch>();
  for (const [name, search] of Object.entries(detection.searches)) {
    const compiled = collectReason(reasons, () => compileSearch(search, context));
    if (compiled) searches.set(name, compiled);
  }
  if (reasons.length > failed) {
    // Conditions cannot be resolved against searches that did not compile; check their syntax only.
    for (const condition of detection.conditions) collectReason(reasons, () => parseCondition(condition));
    return undefined;
  }
  const positive = new Set<string>();
  const expressions: CompiledExpression[] = [];
  for (const condition of detection.conditions) {
    const expression = collectReason(reasons, () => {
      const node = parseCondition(condition);
      positiveNames(node, [...searches.keys()], true, positive);
      return compileNode(node, searches);
    });
    if (expression) expressions.push(expression);
  }
  if (reasons.length > failed) return undefined;
  return { test: some(expressions.map((e) => e.test)), requirement: requireAny(expressions.map((e) => e.requirement)), searches, positive };
}

/**
 * A detection section (of a rule or a filter) → one test over its conditions, or undefined with the
 * reasons appended; `label` prefixes them (`filter 'x': …`).
 */
export function compileDetection(detection: SigmaDetection, context: ConditionContext, reasons: SigmaReason[], label?: string): CompiledDetection | undefined {
  const from = reasons.length;
  const compiled = compileParts(detection, context, reasons);
  if (label) for (let i = from; i < reasons.length; i++) reasons[i] = { ...reasons[i]!, message: `${label}: ${reasons[i]!.message}` };
  return compiled;
}
