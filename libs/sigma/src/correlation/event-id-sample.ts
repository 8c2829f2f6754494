/**
 * A match's contributing event ids: all of them up to the cap, past it the first and the last halves.
 * The exact count is kept beside it, so nothing is lost silently.
 */
export class EventIdSample {
  /** The first ids kept: half the cap, rounded up; the tail keeps the rest. */
  private readonly headCap: number;

  constructor(
    private readonly cap: number,
    readonly head: string[] = [],
    readonly tail: string[] = [],
    public count = 0,
  ) {
    this.headCap = Math.ceil(cap / 2);
  }

  /** Whether the head holds all it will: from then on it never changes. */
  get headFull(): boolean {
    return this.head.length >= this.headCap;
  }

  add(id: string): void {
    this.count += 1;
    if (this.head.length < this.headCap) {
      this.head.push(id);
      return;
    }
    this.tail.push(id);
    // The tail holds at most half the cap; shifting a 50-element array is cheap.
    if (this.tail.length > this.cap - this.headCap) this.tail.shift();
  }

  list(): string[] {
    return this.head.concat(this.tail);
  }
}
