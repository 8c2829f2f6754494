/**
 * A WHERE clause built from optional filters, every value a bound parameter. Each condition numbers its own
 * values `$1`, `$2`…; they are renumbered after the values already bound, so conditions compose in any order.
 */
export class SqlConditions {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];

  add(sql: string, ...values: unknown[]): this {
    const offset = this.params.length;
    this.params.push(...values);
    this.parts.push(sql.replace(/\$(\d+)/g, (_, n: string) => `$${offset + Number(n)}`));
    return this;
  }

  /** Binds one more value (e.g. a LIMIT) and returns its placeholder. */
  placeholder(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  get sql(): string {
    return this.parts.length > 0 ? this.parts.join(' AND ') : 'TRUE';
  }
}

/** `value` for ILIKE: its own %, _ and \ taken literally, anywhere in the text. */
export function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
