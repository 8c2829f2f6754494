import { EventPath, EventView, findText, someText, Texts } from './event-view';
import { CompiledCondition, describeMatch, presentPath } from './compiled-condition';
import { FieldAccess } from './field-resolver';
import { FieldMatch } from './match-explanation';
import { FieldSpec, isCaseSensitive } from './modifier-chain';
import { PlaceholderValues } from './placeholders';
import { NOTHING_REQUIRED, Requirement, requireAll } from './requirement';
import { SigmaScalar } from './sigma-rule';
import { unsupported } from './sigma-reason';
import { anyValueTest, ValueTest, valueTests } from './value-tests';

const isAbsent = (value: unknown) => value === undefined || value === null;

/** The original-case text standing where `lowered` was found (lowering keeps positions in arrays). */
function originalText(view: EventView, path: EventPath, found: string, lowered: boolean): string {
  if (!lowered) return found;
  const texts = view.text(path);
  if (typeof texts === 'string' || texts === undefined) return texts ?? found;
  const lowers = view.lower(path) as readonly string[];
  return texts[lowers.indexOf(found)] ?? found;
}

/** Strings, regular expressions, CIDR ranges and comparisons: tests on the field's text(s). */
export function textCondition(spec: FieldSpec, values: readonly SigmaScalar[], access: FieldAccess, placeholders: PlaceholderValues): CompiledCondition {
  const acceptsAbsent = values.includes(null);
  const tests = valueTests(
    values.filter((v) => v !== null),
    spec,
    placeholders,
  );
  if (acceptsAbsent && (spec.all || spec.value.kind !== 'string')) throw unsupported('invalid-value', `'null' cannot be combined with '${spec.all ? 'all' : spec.value.kind}'`);
  // Case-insensitive string matching reads lowered texts; regular expressions, CIDR and numbers the originals.
  const lowered = spec.value.kind === 'string' && !isCaseSensitive(spec);
  const read = lowered ? (view: EventView, path: EventPath) => view.lower(path) : (view: EventView, path: EventPath) => view.text(path);
  const anyValue = anyValueTest(tests);
  const matches = (texts: Texts): boolean => {
    if (!spec.all) return someText(texts, anyValue);
    for (const t of tests) if (!someText(texts, t.test)) return false;
    return true;
  };
  const holds = (view: EventView, path: EventPath | undefined): boolean => {
    if (path === undefined) return spec.negated || acceptsAbsent;
    if (spec.negated) return !matches(read(view, path));
    return (acceptsAbsent && isAbsent(view.value(path))) || matches(read(view, path));
  };
  const paths = access.paths;
  const test = access.anyPath
    ? (view: EventView) => {
        for (const path of paths) if (holds(view, path)) return true;
        return false;
      }
    : (view: EventView) => holds(view, presentPath(view, paths));

  const explainAt = (view: EventView, path: EventPath | undefined): FieldMatch | undefined => {
    const where = path ?? paths[0]!;
    if (!holds(view, path)) return undefined;
    if (path === undefined || spec.negated || (acceptsAbsent && isAbsent(view.value(path)))) {
      const text = path === undefined ? undefined : findText(view.text(path), () => true);
      return describeMatch(spec, where, text ?? null, spec.negated ? values.map(String) : ['null']);
    }
    const texts = read(view, path);
    const matched: ValueTest[] = tests.filter((t) => someText(texts, t.test));
    const found = findText(texts, (text) => matched.some((t) => t.test(text)));
    const value = found === undefined ? null : originalText(view, path, found, lowered);
    // Most matches hold on one value: its list needs no de-duplication.
    const expected = matched.length === 1 ? [matched[0]!.expected] : [...new Set(matched.map((t) => t.expected))];
    return describeMatch(spec, path, value, expected);
  };
  const explain = access.anyPath
    ? (view: EventView) => {
        for (const path of paths) {
          const match = explainAt(view, path);
          if (match) return match;
        }
        return undefined;
      }
    : (view: EventView) => explainAt(view, presentPath(view, paths));

  return { test, explain, requirement: textRequirement(spec, tests, access, acceptsAbsent) };
}

/**
 * Equality values narrow the field to a value set (when read from one path); values that all
 * contain a literal make one of those literals necessary. Both are stated on lowered text, which
 * is what the index reads. Negation and null promise nothing the index could use.
 */
function textRequirement(spec: FieldSpec, tests: readonly ValueTest[], access: FieldAccess, acceptsAbsent: boolean): Requirement {
  if (spec.negated || acceptsAbsent || spec.value.kind !== 'string' || tests.length === 0) return NOTHING_REQUIRED;
  const perValue = (group: readonly ValueTest[]): Requirement => {
    const oneOf = new Map();
    const [path] = access.paths;
    if (path && access.paths.length === 1 && group.every((t) => t.equals !== undefined)) {
      oneOf.set(path.id, { path, values: new Set(group.map((t) => t.equals!.toLowerCase())) });
    }
    const needed = group.every((t) => t.needs !== undefined && t.needs !== '');
    const contains = needed ? group.flatMap((t) => access.paths.map((p) => ({ path: p, literal: t.needs! }))) : undefined;
    return contains ? { oneOf, contains } : { oneOf };
  };
  return spec.all ? requireAll(tests.map((t) => perValue([t]))) : perValue(tests);
}

