/**
 * Sigma string values: text with `*` (any run of characters) and `?` (one character) wildcards,
 * backslash-escaped as the specification says, parsed once into tokens and compiled into the
 * cheapest test that decides them (equality, prefix, suffix, substring, else one regular expression).
 */

export const ANY_RUN = 0;
export const ANY_ONE = 1;
/** One character out of several (the `windash` modifier's dash family). */
export interface CharChoice {
  readonly choice: string;
}
export type PatternToken = string | typeof ANY_RUN | typeof ANY_ONE | CharChoice;
export type SigmaPattern = readonly PatternToken[];

const isChoice = (token: PatternToken): token is CharChoice => typeof token === 'object';

/**
 * Escapes: `\*`, `\?` and `\\` stand for the plain character; any other backslash is itself (so
 * Windows paths need no doubling). Hence `\\*` is a backslash then a wildcard, and `\\\*` a
 * backslash then a plain star.
 */
export function parseSigmaString(text: string): SigmaPattern {
  const tokens: PatternToken[] = [];
  let literal = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\\') {
      const next = text[i + 1];
      if (next === '*' || next === '?' || next === '\\') {
        literal += next;
        i++;
      } else {
        literal += char;
      }
    } else if (char === '*' || char === '?') {
      if (literal) tokens.push(literal);
      literal = '';
      tokens.push(char === '*' ? ANY_RUN : ANY_ONE);
    } else {
      literal += char;
    }
  }
  if (literal) tokens.push(literal);
  return normalize(tokens);
}

/** Adjacent literals joined, runs of `*` collapsed: equal patterns get equal token lists. */
export function normalize(tokens: readonly PatternToken[]): SigmaPattern {
  const out: PatternToken[] = [];
  for (const token of tokens) {
    const last = out[out.length - 1];
    if (typeof token === 'string') {
      if (token === '') continue;
      if (typeof last === 'string') out[out.length - 1] = last + token;
      else out.push(token);
    } else if (!(token === ANY_RUN && last === ANY_RUN)) {
      out.push(token);
    }
  }
  return out;
}

export const literalPattern = (text: string): SigmaPattern => (text === '' ? [] : [text]);

export function isPlain(pattern: SigmaPattern): boolean {
  return pattern.every((token) => typeof token === 'string');
}

/** The text of a pattern without wildcards. */
export function plainText(pattern: SigmaPattern): string | undefined {
  return isPlain(pattern) ? (pattern as readonly string[]).join('') : undefined;
}

/** Replaces every literal token by what `map` makes of it (encodings, windash, lower case). */
export function mapLiterals(pattern: SigmaPattern, map: (literal: string) => readonly PatternToken[]): SigmaPattern {
  return normalize(pattern.flatMap((token) => (typeof token === 'string' ? map(token) : [token])));
}

export function lowerPattern(pattern: SigmaPattern): SigmaPattern {
  return mapLiterals(pattern, (literal) => [literal.toLowerCase()]);
}

export type Position = 'contains' | 'startswith' | 'endswith';

export function positioned(pattern: SigmaPattern, position: Position | undefined): SigmaPattern {
  if (position === 'contains') return normalize([ANY_RUN, ...pattern, ANY_RUN]);
  if (position === 'startswith') return normalize([...pattern, ANY_RUN]);
  if (position === 'endswith') return normalize([ANY_RUN, ...pattern]);
  return pattern;
}

/** The literal of a `*literal*` pattern: a plain substring test. */
export function substringOf(pattern: SigmaPattern): string | undefined {
  const [first, middle, last] = pattern;
  return pattern.length === 3 && first === ANY_RUN && typeof middle === 'string' && last === ANY_RUN ? middle : undefined;
}

/** The longest literal every match must contain: what the rule-set pre-filter indexes. */
export function longestLiteral(pattern: SigmaPattern): string | undefined {
  let best: string | undefined;
  for (const token of pattern) if (typeof token === 'string' && (best === undefined || token.length > best.length)) best = token;
  return best;
}

/** The pattern as a Sigma value again (for explanations). */
export function patternSource(pattern: SigmaPattern): string {
  return pattern
    .map((token) => {
      if (token === ANY_RUN) return '*';
      if (token === ANY_ONE) return '?';
      if (isChoice(token)) return `[${token.choice}]`;
      return token.replace(/[\\*?]/g, (c) => `\\${c}`);
    })
    .join('');
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * A test for texts already in the pattern's case (callers lower both sides for case-insensitive
 * matching). Equality, prefix, suffix and substring shapes avoid regular expressions.
 */
export function compilePattern(pattern: SigmaPattern): (text: string) => boolean {
  const [first, second, third] = pattern;
  const literal = (token: PatternToken | undefined): token is string => typeof token === 'string';
  switch (pattern.length) {
    case 0:
      return (text) => text === '';
    case 1:
      if (literal(first)) return (text) => text === first;
      if (first === ANY_RUN) return () => true;
      break;
    case 2:
      if (first === ANY_RUN && literal(second)) return (text) => text.endsWith(second);
      if (literal(first) && second === ANY_RUN) return (text) => text.startsWith(first);
      break;
    case 3:
      if (first === ANY_RUN && literal(second) && third === ANY_RUN) return (text) => text.includes(second);
      break;
  }
  const source = pattern
    .map((token) => {
      if (token === ANY_RUN) return '.*';
      if (token === ANY_ONE) return '.';
      if (isChoice(token)) return `[${escapeRegex(token.choice)}]`;
      return escapeRegex(token);
    })
    .join('');
  // dotAll: a wildcard spans line breaks (command lines and script blocks have them).
  const regex = new RegExp(`^${source}$`, 's');
  return (text) => regex.test(text);
}
