/**
 * Up to this many literals, a native `includes` per literal beats stepping through the text character by
 * character (a route of a few rules, each needing an `event.action` or `event.outcome`, is the common case).
 */
const DIRECT_SEARCH_MAX = 4;

/**
 * Finds, in one pass over a text, every registered literal it contains (Aho–Corasick automaton):
 * the rule-set index asks "which rules' required literals occur in this command line?" once per
 * event instead of once per rule. A handful of literals are looked for one by one instead.
 */
export class LiteralIndex<T> {
  private readonly next: Array<Map<number, number>> = [new Map<number, number>()];
  private readonly fail: number[] = [0];
  private readonly outputs: T[][] = [[]];
  /** The root's transitions for ASCII codes: most characters of a text lead back to the root. */
  private readonly fromRoot = new Int32Array(128);
  private built = false;
  /** Each literal with its values, in the order first added. */
  private readonly byLiteral = new Map<string, T[]>();
  /** Set by `build` when there are few enough literals to look for one by one. */
  private direct: ReadonlyArray<{ literal: string; values: readonly T[] }> | undefined;

  add(literal: string, value: T): void {
    if (this.built) throw new Error('LiteralIndex: add after build');
    const values = this.byLiteral.get(literal);
    if (values) values.push(value);
    else this.byLiteral.set(literal, [value]);
    let state = 0;
    for (let i = 0; i < literal.length; i++) {
      const code = literal.charCodeAt(i);
      let target = this.next[state]!.get(code);
      if (target === undefined) {
        target = this.next.length;
        this.next.push(new Map<number, number>());
        this.fail.push(0);
        this.outputs.push([]);
        this.next[state]!.set(code, target);
      }
      state = target;
    }
    this.outputs[state]!.push(value);
  }

  /** Links each state to its longest proper suffix in the trie, breadth first, and inherits its outputs. */
  build(): this {
    const queue: number[] = [...this.next[0]!.values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [code, target] of this.next[state]!) {
        let fallback = this.fail[state]!;
        while (fallback !== 0 && !this.next[fallback]!.has(code)) fallback = this.fail[fallback]!;
        const link = this.next[fallback]!.get(code) ?? 0;
        this.fail[target] = link;
        this.outputs[target]!.push(...this.outputs[link]!);
        queue.push(target);
      }
    }
    for (const [code, target] of this.next[0]!) if (code < 128) this.fromRoot[code] = target;
    if (this.byLiteral.size <= DIRECT_SEARCH_MAX) this.direct = [...this.byLiteral].map(([literal, values]) => ({ literal, values }));
    this.built = true;
    return this;
  }

  private step(from: number, code: number): number {
    let state = from;
    while (state !== 0) {
      const target = this.next[state]!.get(code);
      if (target !== undefined) return target;
      state = this.fail[state]!;
    }
    return code < 128 ? this.fromRoot[code]! : (this.next[0]!.get(code) ?? 0);
  }

  /** True when `text` contains any of the literals. */
  occursIn(text: string): boolean {
    if (this.direct) return this.direct.some(({ literal }) => text.includes(literal));
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = this.step(state, text.charCodeAt(i));
      if (this.outputs[state]!.length > 0) return true;
    }
    return false;
  }

  /** Calls `found` for the values of every literal `text` contains (a value may come more than once). */
  search(text: string, found: (value: T) => void): void {
    if (this.direct) {
      for (const { literal, values } of this.direct) if (text.includes(literal)) for (const value of values) found(value);
      return;
    }
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = this.step(state, text.charCodeAt(i));
      const outputs = this.outputs[state]!;
      for (let j = 0; j < outputs.length; j++) found(outputs[j]!);
    }
  }
}
