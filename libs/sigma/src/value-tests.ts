import { compileCidr } from './ip-cidr';
import { LiteralIndex } from './literal-index';
import { Comparison, FieldSpec, isCaseSensitive } from './modifier-chain';
import { expandPlaceholders, PlaceholderValues } from './placeholders';
import { compilePattern, longestLiteral, lowerPattern, parseSigmaString, plainText, positioned, SigmaPattern, substringOf } from './sigma-pattern';
import { SigmaScalar } from './sigma-rule';
import { unsupported } from './sigma-reason';
import { encodePattern } from './value-encodings';

/** One rule value, compiled: a test on one text of the event (already lowered unless the spec is `cased`). */
export interface ValueTest {
  /** The value as the rule wrote it, for explanations. */
  expected: string;
  test: (text: string) => boolean;
  /** Set when the test is plain equality with this text (the fast path and the index use it). */
  equals?: string;
  /** Set when the test is "contains this text": many of them are searched in one pass. */
  substring?: string;
  /** A literal every accepted text contains once both are lowered, for the pre-filter. */
  needs?: string;
}

const textOf = (value: SigmaScalar) => (typeof value === 'string' ? value : String(value));

/**
 * The pre-filter compares lowered texts. Lowering is per character for ASCII, so a case-sensitive
 * ASCII literal in a text is still there once both are lowered; other characters can lower
 * differently in context, so their case-sensitive literals are not used.
 */
function neededLiteral(pattern: SigmaPattern, caseSensitive: boolean): string | undefined {
  const literal = longestLiteral(pattern);
  if (!caseSensitive || literal === undefined) return literal;
  return /^[\x00-\x7f]*$/.test(literal) ? literal.toLowerCase() : undefined;
}

/** String values: placeholders, encodings, position, then case folding, each resolved once here. */
function stringTests(values: readonly SigmaScalar[], spec: FieldSpec, placeholders: PlaceholderValues): ValueTest[] {
  // Field-less values are searched inside the whole message.
  const position = spec.position ?? (spec.field === null ? 'contains' : undefined);
  const caseSensitive = isCaseSensitive(spec);
  return values.flatMap((value) => {
    const expected = textOf(value);
    const texts = spec.expand ? expandPlaceholders(expected, placeholders) : [expected];
    return texts.flatMap((text) =>
      encodePattern(parseSigmaString(text), spec.encodings, expected).map((encoded): ValueTest => {
        const positionedPattern = positioned(encoded, position);
        const pattern = caseSensitive ? positionedPattern : lowerPattern(positionedPattern);
        const equals = plainText(pattern);
        const substring = substringOf(pattern);
        const needs = neededLiteral(pattern, caseSensitive);
        return {
          expected,
          test: compilePattern(pattern),
          ...(equals === undefined ? {} : { equals }),
          ...(substring === undefined ? {} : { substring }),
          ...(needs === undefined ? {} : { needs }),
        };
      }),
    );
  });
}

/** PCRE's leading inline flags (`(?i)…`), which JavaScript writes after the expression. */
function regex(source: string, flags: string): RegExp {
  const inline = /^\(\?([a-z]+)\)/.exec(source);
  let body = source;
  let all = flags;
  if (inline) {
    for (const flag of inline[1]!) {
      if (!'ims'.includes(flag)) throw unsupported('invalid-regex', `unsupported regular expression flag '(?${flag})'`);
      if (!all.includes(flag)) all += flag;
    }
    body = source.slice(inline[0].length);
  }
  try {
    return new RegExp(body, all);
  } catch (error) {
    throw unsupported('invalid-regex', `invalid regular expression: ${(error as Error).message}`);
  }
}

const COMPARE: Readonly<Record<Comparison, (a: number, b: number) => boolean>> = {
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
};

function numberOf(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : undefined;
}

/** Tests for the values of a `string`, `re`, `cidr` or comparison spec; `null` values are handled by the caller. */
export function valueTests(values: readonly SigmaScalar[], spec: FieldSpec, placeholders: PlaceholderValues): ValueTest[] {
  const value = spec.value;
  switch (value.kind) {
    case 'string':
      return stringTests(values, spec, placeholders);
    case 're':
      return values.map((v) => {
        const pattern = regex(textOf(v), value.flags);
        return { expected: textOf(v), test: (text) => pattern.test(text) };
      });
    case 'cidr':
      return values.map((v) => ({ expected: textOf(v), test: compileCidr(textOf(v)) }));
    case 'compare': {
      const compare = COMPARE[value.op];
      return values.map((v) => {
        const limit = numberOf(textOf(v));
        if (limit === undefined) throw unsupported('invalid-value', `'${value.op}' needs a number, not '${textOf(v)}'`);
        return {
          expected: textOf(v),
          test: (text) => {
            const number = numberOf(text);
            return number !== undefined && compare(number, limit);
          },
        };
      });
    }
    case 'exists':
    case 'fieldref':
      throw new Error(`valueTests: '${value.kind}' is not a value test`);
  }
}

/** From this many substring values on, one automaton pass beats one `includes` per value. */
const SUBSTRING_BATCH = 8;

/** One test accepting a text when any of the values does, using the cheapest form for their shapes. */
export function anyValueTest(tests: readonly ValueTest[]): (text: string) => boolean {
  if (tests.length === 1) return tests[0]!.test;
  if (tests.every((t) => t.equals !== undefined)) {
    const values = new Set(tests.map((t) => t.equals));
    return (text) => values.has(text);
  }
  const substrings = tests.filter((t) => t.substring !== undefined);
  if (substrings.length < SUBSTRING_BATCH) {
    return (text) => {
      for (const t of tests) if (t.test(text)) return true;
      return false;
    };
  }
  const index = new LiteralIndex<true>();
  for (const t of substrings) index.add(t.substring!, true);
  index.build();
  const others = tests.filter((t) => t.substring === undefined);
  return (text) => {
    if (index.occursIn(text)) return true;
    for (const t of others) if (t.test(text)) return true;
    return false;
  };
}
