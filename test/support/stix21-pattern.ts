/**
 * A checker of the STIX 2.1 patterning grammar (STIX Version 2.1 §9, our reading of the prose and its
 * ABNF-like tables, not the OASIS ANTLR grammar file): observation expressions in brackets joined by
 * AND/OR/FOLLOWEDBY with WITHIN/REPEATS/START-STOP qualifiers; comparisons of an object path
 * (`type:prop.sub[0].'quoted'`) with `= != < <= > >=`, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET, EXISTS,
 * NOT; string literals with only the `\'` and `\\` escapes; numbers, booleans, t'', h'', b'' literals.
 * Returns the first error, or undefined when the pattern is well-formed. Test support only.
 */
export function patternError(pattern: string): string | undefined {
  const tokens = tokenize(pattern);
  if (typeof tokens === 'string') return tokens;
  try {
    const parser = new Parser(tokens);
    parser.pattern();
    return undefined;
  } catch (error) {
    if (error instanceof GrammarError) return error.message;
    throw error;
  }
}

class GrammarError extends Error {}

type Token = { kind: 'punct'; text: string } | { kind: 'word'; text: string } | { kind: 'path'; text: string } | { kind: 'literal'; text: string; literal: 'string' | 'number' | 'other' };

const COMPARATORS = new Set(['=', '!=', '<', '<=', '>', '>=']);
const OBJECT_TYPE = /^[a-z0-9][a-z0-9-]*[a-z0-9]$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function tokenize(text: string): Token[] | string {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (/\s/.test(char)) {
      i++;
    } else if ('[]()'.includes(char) || char === ',') {
      tokens.push({ kind: 'punct', text: char });
      i++;
    } else if ('=!<>'.includes(char)) {
      const two = text.slice(i, i + 2);
      const op = ['!=', '<=', '>='].includes(two) ? two : char;
      if (op === '!') return `'!' at ${i} is not an operator (use != or NOT)`;
      tokens.push({ kind: 'punct', text: op });
      i += op.length;
    } else if (char === "'") {
      const end = stringEnd(text, i);
      if (typeof end === 'string') return end;
      tokens.push({ kind: 'literal', text: text.slice(i, end), literal: 'string' });
      i = end;
    } else if (/[-+0-9]/.test(char)) {
      const match = /^[-+]?\d+(\.\d+)?/.exec(text.slice(i));
      if (!match) return `unexpected '${char}' at ${i}`;
      tokens.push({ kind: 'literal', text: match[0], literal: 'number' });
      i += match[0].length;
    } else if (/[A-Za-z]/.test(char)) {
      const prefixed = /^([thb])'/.exec(text.slice(i));
      if (prefixed) {
        const end = stringEnd(text, i + 1);
        if (typeof end === 'string') return end;
        const body = text.slice(i + 2, end - 1);
        const kind = prefixed[1];
        if (kind === 't' && !TIMESTAMP.test(body)) return `t'${body}' is not a STIX timestamp`;
        if (kind === 'h' && !/^([0-9a-fA-F]{2})*$/.test(body)) return `h'${body}' is not hex octets`;
        if (kind === 'b' && !/^[A-Za-z0-9+/]*={0,2}$/.test(body)) return `b'${body}' is not base64`;
        tokens.push({ kind: 'literal', text: text.slice(i, end), literal: 'other' });
        i = end;
        continue;
      }
      let end = i;
      while (end < text.length && /[A-Za-z0-9_-]/.test(text[end]!)) end++;
      if (text[end] !== ':') {
        tokens.push({ kind: 'word', text: text.slice(i, end) });
        i = end;
        continue;
      }
      const path = objectPathEnd(text, i, end);
      if (typeof path === 'string') return path;
      tokens.push({ kind: 'path', text: text.slice(i, path) });
      i = path;
    } else {
      return `unexpected '${char}' at ${i}`;
    }
  }
  return tokens;
}

/** Index after the closing quote of a string literal starting at `start`; only \' and \\ may be escaped. */
function stringEnd(text: string, start: number): number | string {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') {
      if (text[i + 1] !== "'" && text[i + 1] !== '\\') return `bad escape '\\${text[i + 1] ?? ''}' at ${i} (only \\' and \\\\ are allowed)`;
      i++;
    } else if (text[i] === "'") {
      return i + 1;
    }
  }
  return `unterminated string literal at ${start}`;
}

/** `type:first(.component | [index] | [*])*`: components are identifiers or quoted strings. */
function objectPathEnd(text: string, start: number, colon: number): number | string {
  const type = text.slice(start, colon);
  if (!OBJECT_TYPE.test(type) || type.length < 3) return `'${type}' is not an object type (lower-case letters, digits, hyphens)`;
  let i = colon + 1;
  let first = true;
  for (;;) {
    if (text[i] === "'") {
      const end = stringEnd(text, i);
      if (typeof end === 'string') return end;
      i = end;
    } else {
      const match = /^[a-z_][a-z0-9_]*/i.exec(text.slice(i));
      if (!match) return `bad object path after '${text.slice(start, i)}'`;
      i += match[0].length;
    }
    while (text[i] === '[') {
      const index = /^\[(\d+|\*)\]/.exec(text.slice(i));
      if (!index) return `bad list index in object path '${text.slice(start, i)}'`;
      i += index[0].length;
    }
    first = false;
    if (text[i] !== '.') break;
    i++;
  }
  return first ? `empty object path '${type}:'` : i;
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  pattern(): void {
    if (this.tokens.length === 0) throw new GrammarError('empty pattern');
    this.observationExpressions();
    if (this.at < this.tokens.length) throw new GrammarError(`unexpected ${this.describe()}`);
  }

  private observationExpressions(): void {
    this.observationOr();
    while (this.word('FOLLOWEDBY')) this.observationOr();
  }

  private observationOr(): void {
    this.observationAnd();
    while (this.word('OR')) this.observationAnd();
  }

  private observationAnd(): void {
    this.observation();
    while (this.word('AND')) this.observation();
  }

  private observation(): void {
    if (this.punct('[')) {
      this.comparisonOr();
      this.expect(']');
    } else if (this.punct('(')) {
      this.observationExpressions();
      this.expect(')');
    } else {
      throw new GrammarError(`expected '[' or '(' but found ${this.describe()}`);
    }
    this.qualifiers();
  }

  private qualifiers(): void {
    for (;;) {
      if (this.word('WITHIN')) {
        this.number();
        this.requireWord('SECONDS');
      } else if (this.word('REPEATS')) {
        this.number();
        this.requireWord('TIMES');
      } else if (this.word('START')) {
        this.literal('other');
        this.requireWord('STOP');
        this.literal('other');
      } else {
        return;
      }
    }
  }

  private comparisonOr(): void {
    this.comparisonAnd();
    while (this.word('OR')) this.comparisonAnd();
  }

  private comparisonAnd(): void {
    this.comparison();
    while (this.word('AND')) this.comparison();
  }

  private comparison(): void {
    if (this.punct('(')) {
      this.comparisonOr();
      this.expect(')');
      return;
    }
    if (this.word('EXISTS')) return void this.path();
    this.path();
    this.word('NOT');
    const token = this.tokens[this.at];
    if (token?.kind === 'punct' && COMPARATORS.has(token.text)) {
      this.at++;
      return void this.literal();
    }
    if (this.word('IN')) return this.set();
    if (this.word('LIKE') || this.word('MATCHES') || this.word('ISSUBSET') || this.word('ISSUPERSET')) return void this.literal('string');
    throw new GrammarError(`expected a comparison operator but found ${this.describe()}`);
  }

  private set(): void {
    this.expect('(');
    this.literal();
    while (this.punct(',')) this.literal();
    this.expect(')');
  }

  private path(): void {
    if (this.tokens[this.at]?.kind !== 'path') throw new GrammarError(`expected an object path but found ${this.describe()}`);
    this.at++;
  }

  private literal(kind?: 'string' | 'number' | 'other'): void {
    const token = this.tokens[this.at];
    const isBoolean = token?.kind === 'word' && (token.text === 'true' || token.text === 'false');
    if (isBoolean && kind === undefined) return void this.at++;
    if (token?.kind !== 'literal' || (kind !== undefined && token.literal !== kind)) throw new GrammarError(`expected a ${kind ?? ''} literal but found ${this.describe()}`.replace('a  ', 'a '));
    this.at++;
  }

  private number(): void {
    const token = this.tokens[this.at];
    if (token?.kind !== 'literal' || token.literal !== 'number') throw new GrammarError(`expected a number but found ${this.describe()}`);
    this.at++;
  }

  private word(text: string): boolean {
    const token = this.tokens[this.at];
    if (token?.kind !== 'word' || token.text !== text) return false;
    this.at++;
    return true;
  }

  private requireWord(text: string): void {
    if (!this.word(text)) throw new GrammarError(`expected ${text} but found ${this.describe()}`);
  }

  private punct(text: string): boolean {
    const token = this.tokens[this.at];
    if (token?.kind !== 'punct' || token.text !== text) return false;
    this.at++;
    return true;
  }

  private expect(text: string): void {
    if (!this.punct(text)) throw new GrammarError(`expected '${text}' but found ${this.describe()}`);
  }

  private describe(): string {
    const token = this.tokens[this.at];
    return token ? `'${token.text}'` : 'the end of the pattern';
  }
}
