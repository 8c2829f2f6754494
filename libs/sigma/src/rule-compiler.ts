import { ALWAYS, CompiledExpression, every, some, Test } from './condition-compiler';
import { CompiledRule } from './compiled-rule';
import { ConditionContext } from './compiled-condition';
import { CompiledDetection, compileDetection } from './detection-compiler';
import { EVENT_PATHS, mappingResolver, resolveLogsource } from './field-resolver';
import { LogsourceMapping } from './logsource-mappings';
import { PlaceholderValues } from './placeholders';
import { requireAll, requireAny } from './requirement';
import { compileSearch } from './search-compiler';
import { logsourceLabel, SigmaDocument, SigmaFilter, SigmaLogsource, SigmaRule } from './sigma-rule';
import { SigmaReason } from './sigma-reason';

export interface CompileOptions {
  /** Values for `expand` placeholders; a placeholder missing here makes the rule unsupported. */
  placeholders?: PlaceholderValues;
  /** Logsource → field mappings; default: LOGSOURCE_MAPPINGS. */
  mappings?: readonly LogsourceMapping[];
  /** Meta-filters; those naming this rule (by id or name) are applied to it. */
  filters?: readonly SigmaFilter[];
}

export type CompileResult = { ok: true; rule: CompiledRule } | { ok: false; rule: SigmaRule; reasons: SigmaReason[] };

const sameLogsource = (a: SigmaLogsource, b: SigmaLogsource) => a.product === b.product && a.category === b.category && a.service === b.service;

/** Filters naming the rule by id or name. */
function filtersOf(rule: SigmaRule, filters: readonly SigmaFilter[]): SigmaFilter[] {
  return filters.filter((f) => f.rules.some((ref) => ref === rule.id || (rule.name !== undefined && ref === rule.name)));
}

function compileScope(mapping: LogsourceMapping): CompiledExpression {
  if (mapping.events.length === 0) return ALWAYS;
  const context: ConditionContext = { resolver: EVENT_PATHS, placeholders: {} };
  const events = mapping.events.map((map) => compileSearch(map, context));
  // The scope routes rules by its values (event id, dataset); as a required literal it would be
  // useless: every event of the logsource contains it.
  return { test: some(events.map((e) => e.test)), requirement: { oneOf: requireAny(events.map((e) => e.requirement)).oneOf } };
}

/**
 * A validated rule → a compiled rule, or every reason it cannot run here. The logsource's mapping
 * scopes the rule to its events and resolves its field names; filters naming the rule suppress
 * its matches. Never throws.
 */
export function compileRule(rule: SigmaRule, options: CompileOptions = {}): CompileResult {
  try {
    const { mapping, mapped } = resolveLogsource(rule.logsource, options.mappings);
    const context: ConditionContext = { resolver: mappingResolver(mapping), placeholders: options.placeholders ?? {} };
    const reasons: SigmaReason[] = [];
    const detection = compileDetection(rule.detection, context, reasons);
    const filters = filtersOf(rule, options.filters ?? []).map((filter) => {
      if (!sameLogsource(filter.logsource, rule.logsource)) {
        reasons.push({ code: 'invalid-filter', message: `filter '${filter.title}' has logsource '${logsourceLabel(filter.logsource)}', the rule '${logsourceLabel(rule.logsource)}'` });
        return undefined;
      }
      return compileDetection(filter.detection, context, reasons, `filter '${filter.title}'`);
    });
    if (!detection || reasons.length > 0) return { ok: false, rule, reasons };
    const scope = compileScope(mapping);
    const suppressions = filters.filter((f): f is CompiledDetection => f !== undefined).map((f) => f.test);
    const suppressed = some(suppressions);
    const matches = every([scope.test, detection.test]);
    const test: Test = suppressions.length === 0 ? matches : (view) => matches(view) && !suppressed(view);
    const explained = [...detection.searches].filter(([name]) => detection.positive.has(name));
    return { ok: true, rule: new CompiledRule({ rule, mapped, test, explained, requirement: requireAll([scope.requirement, detection.requirement]) }) };
  } catch (error) {
    return { ok: false, rule, reasons: [{ code: 'internal-error', message: `compiler error: ${(error as Error).message}` }] };
  }
}

export interface RuleFailure {
  rule: SigmaRule;
  reasons: SigmaReason[];
}

export interface CompiledDocuments {
  rules: CompiledRule[];
  failures: RuleFailure[];
  /** Filters naming rules that are not among the documents. */
  filterIssues: Array<{ filter: SigmaFilter; reason: SigmaReason }>;
}

/** Compiles every rule of a set of documents, applying the set's filters. Never throws. */
export function compileDocuments(documents: readonly SigmaDocument[], options: Omit<CompileOptions, 'filters'> = {}): CompiledDocuments {
  const rules = documents.filter((d): d is SigmaRule => d.kind === 'rule');
  const filters = documents.filter((d): d is SigmaFilter => d.kind === 'filter');
  const result: CompiledDocuments = { rules: [], failures: [], filterIssues: [] };
  for (const rule of rules) {
    const compiled = compileRule(rule, { ...options, filters });
    if (compiled.ok) result.rules.push(compiled.rule);
    else result.failures.push({ rule, reasons: compiled.reasons });
  }
  const known = new Set(rules.flatMap((r) => [r.id, r.name].filter((v): v is string => v !== undefined)));
  for (const filter of filters) {
    for (const ref of filter.rules.filter((r) => !known.has(r))) {
      result.filterIssues.push({ filter, reason: { code: 'invalid-filter', message: `filter '${filter.title}' names rule '${ref}', which is not loaded` } });
    }
  }
  return result;
}
