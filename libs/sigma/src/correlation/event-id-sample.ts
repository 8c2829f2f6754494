/**
 * A match's contributing event ids: all of them up to the cap, past it the first and the last halves.
 * The exact count is kept beside it, so nothing is lost silently.
 */
export class EventIdSample {
  /** The first ids kept: half the cap, rounded up; the tail keeps the rest. */
  private readonly headCap: number;
  private readonly tailCap: number;
  /**
   * The last ids as a ring: filled in order, then each new id takes the oldest one's place, which
   * `tailStart` points at. (Shifting an array per id cost more than the rest of adding it.)
   */
  private readonly ring: string[];
  private tailStart = 0;

  constructor(
    cap: number,
    readonly head: string[] = [],
    tail: readonly string[] = [],
    public count = 0,
  ) {
    this.headCap = Math.ceil(cap / 2);
    this.tailCap = cap - this.headCap;
    // A snapshot taken under a larger cap keeps its newest ids.
    this.ring = tail.slice(Math.max(0, tail.length - this.tailCap));
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
    const ring = this.ring;
    if (ring.length < this.tailCap) {
      ring.push(id);
      return;
    }
    if (ring.length === 0) return; // a cap of 0 or 1 keeps no tail
    ring[this.tailStart] = id;
    this.tailStart = this.tailStart + 1 === ring.length ? 0 : this.tailStart + 1;
  }

  /** The last ids, oldest first (a new list). */
  tail(): string[] {
    const start = this.tailStart;
    return start === 0 ? this.ring.slice() : this.ring.slice(start).concat(this.ring.slice(0, start));
  }

  list(): string[] {
    return this.head.concat(this.tail());
  }
}
