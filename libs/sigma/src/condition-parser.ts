import { unsupported } from './sigma-reason';

/** A parsed condition. `of` quantifies over the search identifiers a pattern (or `them`) names. */
export type ConditionNode =
  | { kind: 'and' | 'or'; items: readonly ConditionNode[] }
  | { kind: 'not'; item: ConditionNode }
  | { kind: 'search'; name: string }
  | { kind: 'of'; quantifier: 'all' | number; pattern: string };

interface Token {
  text: string;
  at: number;
}

/** Parentheses, the pipe of old aggregations, and words; together they take every non-blank character. */
const TOKEN = /\(|\)|\||[^\s()|]+/g;

function tokenize(condition: string): Token[] {
  return [...condition.matchAll(TOKEN)].map((match) => ({ text: match[0], at: match.index }));
}

const syntaxError = (at: number, what: string) => unsupported('condition-syntax', `condition syntax error at ${at}: ${what}`);
const keyword = (token: Token | undefined, word: string) => token !== undefined && token.text.toLowerCase() === word;
const IDENTIFIER = /^[\w.*?-]+$/;

/**
 * Recursive descent over Sigma's condition grammar; precedence from loosest to tightest:
 * `or`, `and`, `not`, `x of`, parentheses.
 */
class ConditionParser {
  private position = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly length: number,
  ) {}

  parse(): ConditionNode {
    if (this.tokens.length === 0) throw syntaxError(0, 'empty condition');
    const node = this.or();
    const rest = this.peek();
    if (rest) throw this.unexpected(rest);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private next(): Token | undefined {
    return this.tokens[this.position++];
  }

  private unexpected(token: Token | undefined): Error {
    if (!token) return syntaxError(this.length, 'unexpected end of condition');
    if (token.text === '|') return unsupported('unsupported-condition', 'aggregation expressions (`| count() …`) are not supported; use a correlation rule');
    if (keyword(token, 'near')) return unsupported('unsupported-condition', "'near' is not supported; use a temporal correlation rule");
    return syntaxError(token.at, `unexpected '${token.text}'`);
  }

  private or(): ConditionNode {
    const items = [this.and()];
    while (keyword(this.peek(), 'or')) {
      this.next();
      items.push(this.and());
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  }

  private and(): ConditionNode {
    const items = [this.not()];
    while (keyword(this.peek(), 'and')) {
      this.next();
      items.push(this.not());
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  }

  private not(): ConditionNode {
    if (keyword(this.peek(), 'not')) {
      this.next();
      return { kind: 'not', item: this.not() };
    }
    return this.primary();
  }

  private primary(): ConditionNode {
    const token = this.next();
    if (!token) throw this.unexpected(token);
    if (token.text === '(') {
      const node = this.or();
      const close = this.next();
      if (close?.text !== ')') throw close ? this.unexpected(close) : syntaxError(this.length, "missing ')'");
      return node;
    }
    const lower = token.text.toLowerCase();
    if (keyword(this.peek(), 'of') && (lower === 'all' || /^\d+$/.test(lower))) {
      this.next();
      const quantifier = lower === 'all' ? 'all' : Number(lower);
      if (quantifier === 0) throw syntaxError(token.at, "'0 of' selects nothing");
      const target = this.next();
      if (!target || !IDENTIFIER.test(target.text)) throw target ? this.unexpected(target) : syntaxError(this.length, "missing search identifier pattern after 'of'");
      return { kind: 'of', quantifier, pattern: target.text };
    }
    if (['and', 'or', 'not', 'of', ')'].includes(lower) || !IDENTIFIER.test(token.text)) throw this.unexpected(token);
    return { kind: 'search', name: token.text };
  }
}

export function parseCondition(condition: string): ConditionNode {
  return new ConditionParser(tokenize(condition), condition.length).parse();
}
