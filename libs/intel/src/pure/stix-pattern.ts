/** One `object-path = 'value'` comparison of a STIX pattern. */
export interface StixComparison {
  /** As written, e.g. `ipv4-addr:value`, `file:hashes.'SHA-256'`. */
  path: string;
  /** Object type (`ipv4-addr`) and property segments (`hashes`, `SHA-256`), quotes removed. */
  objectType: string;
  properties: string[];
  value: string;
}

export type StixPatternResult = { ok: true; comparisons: StixComparison[] } | { ok: false; reason: string };

type Token =
  | { kind: '[' | ']' | '(' | ')' | '=' }
  | { kind: 'string'; value: string }
  | { kind: 'path'; text: string; objectType: string; properties: string[] }
  | { kind: 'word'; text: string };

const QUALIFIERS = new Set(['WITHIN', 'START', 'STOP', 'REPEATS']);
const OPERATORS = new Set(['!=', '<', '>', '<=', '>=', 'IN', 'LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET', 'NOT', 'EXISTS']);

/**
 * The subset of STIX 2.1 patterning that lists of indicators use: observation expressions joined by
 * OR, each a bracketed OR of equality comparisons (`[a:b = 'x' OR c:d = 'y'] OR [e:f = 'z']`),
 * parentheses allowed. AND, FOLLOWEDBY, qualifiers and other operators make the pattern a
 * correlation rather than a list of values, and are refused with the reason.
 */
export function parseStixPattern(pattern: string): StixPatternResult {
  const tokens = tokenize(pattern);
  if ('reason' in tokens) return { ok: false, reason: tokens.reason };
  const parser = new Parser(tokens);
  try {
    const comparisons = parser.observationExpression();
    if (!parser.done()) return { ok: false, reason: parser.unexpected() };
    return { ok: true, comparisons };
  } catch (error) {
    if (error instanceof PatternError) return { ok: false, reason: error.message };
    throw error;
  }
}

class PatternError extends Error {}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  done(): boolean {
    return this.at >= this.tokens.length;
  }

  /** observations (OR observations)* */
  observationExpression(): StixComparison[] {
    const comparisons = this.observation();
    while (this.word('OR')) comparisons.push(...this.observation());
    return comparisons;
  }

  private observation(): StixComparison[] {
    if (this.take('(')) {
      const inner = this.observationExpression();
      this.expect(')');
      return inner;
    }
    this.expect('[');
    const comparisons = this.comparisonExpression();
    this.expect(']');
    return comparisons;
  }

  private comparisonExpression(): StixComparison[] {
    const comparisons = this.comparison();
    while (this.word('OR')) comparisons.push(...this.comparison());
    return comparisons;
  }

  private comparison(): StixComparison[] {
    if (this.take('(')) {
      const inner = this.comparisonExpression();
      this.expect(')');
      return inner;
    }
    const path = this.tokens[this.at];
    if (path?.kind !== 'path') throw new PatternError(this.unexpected('an object path such as ipv4-addr:value'));
    this.at++;
    const operator = this.tokens[this.at];
    if (operator?.kind !== '=') throw new PatternError(this.unexpected(`'=' after ${path.text} (only equality comparisons are supported)`));
    this.at++;
    const value = this.tokens[this.at];
    if (value?.kind !== 'string') throw new PatternError(this.unexpected(`a quoted string after ${path.text} =`));
    this.at++;
    return [{ path: path.text, objectType: path.objectType, properties: path.properties, value: value.value }];
  }

  private take(kind: '[' | ']' | '(' | ')'): boolean {
    if (this.tokens[this.at]?.kind !== kind) return false;
    this.at++;
    return true;
  }

  private expect(kind: '[' | ']' | '(' | ')'): void {
    if (!this.take(kind)) throw new PatternError(this.unexpected(`'${kind}'`));
  }

  private word(text: string): boolean {
    const token = this.tokens[this.at];
    if (token?.kind !== 'word' || token.text.toUpperCase() !== text) return false;
    this.at++;
    return true;
  }

  unexpected(wanted?: string): string {
    const token = this.tokens[this.at];
    if (!token) return `pattern ends early${wanted ? `: expected ${wanted}` : ''}`;
    if (token.kind === 'word') {
      const upper = token.text.toUpperCase();
      if (upper === 'AND') return 'AND is not supported: a pattern of several conditions that must all hold is not a list of values';
      if (upper === 'FOLLOWEDBY') return 'FOLLOWEDBY is not supported (a sequence, not a list of values)';
      if (QUALIFIERS.has(upper)) return `qualifier ${upper} is not supported`;
      if (OPERATORS.has(upper)) return `operator ${upper} is not supported (only =)`;
    }
    return `unexpected ${describe(token)}${wanted ? `: expected ${wanted}` : ''}`;
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'string':
      return `'${token.value}'`;
    case 'path':
    case 'word':
      return token.text;
    default:
      return `'${token.kind}'`;
  }
}

const IDENT = /[A-Za-z0-9_-]/;

function tokenize(pattern: string): Token[] | { reason: string } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i]!;
    if (/\s/.test(char)) {
      i++;
    } else if (char === '[' || char === ']' || char === '(' || char === ')' || char === '=') {
      tokens.push({ kind: char });
      i++;
    } else if (char === "'") {
      const literal = quoted(pattern, i);
      if (!literal) return { reason: `unterminated string at position ${i}` };
      tokens.push({ kind: 'string', value: literal.value });
      i = literal.end;
    } else if (char === '!' || char === '<' || char === '>') {
      const operator = pattern[i + 1] === '=' ? `${char}=` : char;
      return { reason: `operator ${operator} is not supported (only =)` };
    } else if (/[A-Za-z0-9]/.test(char)) {
      let end = i;
      while (end < pattern.length && IDENT.test(pattern[end]!)) end++;
      const ident = pattern.slice(i, end);
      if (pattern[end] === ':') {
        const path = objectPath(pattern, i, end, ident);
        if ('reason' in path) return path;
        tokens.push(path.token);
        i = path.end;
      } else if (ident.length === 1 && pattern[end] === "'") {
        // t'...', h'...', b'...': timestamp, hex and binary literals.
        return { reason: `${ident}'...' literals are not supported (only quoted strings)` };
      } else {
        tokens.push({ kind: 'word', text: ident });
        i = end;
      }
    } else {
      return { reason: `unexpected character '${char}' at position ${i}` };
    }
  }
  return tokens;
}

/** `type:prop.sub.'quoted'[*]`: segments after the colon, quotes removed, list indexes refused. */
function objectPath(pattern: string, start: number, colon: number, objectType: string): { token: Token; end: number } | { reason: string } {
  const properties: string[] = [];
  let i = colon + 1;
  for (;;) {
    if (pattern[i] === "'") {
      const literal = quoted(pattern, i);
      if (!literal) return { reason: `unterminated quoted property at position ${i}` };
      properties.push(literal.value);
      i = literal.end;
    } else {
      let end = i;
      while (end < pattern.length && IDENT.test(pattern[end]!)) end++;
      if (end === i) return { reason: `bad object path at position ${start}` };
      properties.push(pattern.slice(i, end));
      i = end;
    }
    if (pattern[i] === '[') return { reason: `list index in object path ${pattern.slice(start, i)}[...] is not supported` };
    if (pattern[i] !== '.') break;
    i++;
  }
  return { token: { kind: 'path', text: pattern.slice(start, i), objectType, properties }, end: i };
}

/** A single-quoted string with `\'` and `\\` escapes. */
function quoted(text: string, start: number): { value: string; end: number } | undefined {
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\\' && i + 1 < text.length) value += text[++i];
    else if (char === "'") return { value, end: i + 1 };
    else value += char;
  }
  return undefined;
}
