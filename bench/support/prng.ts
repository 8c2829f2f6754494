/** A small seeded PRNG (mulberry32), so every run produces the same workload. */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

/** Picks indexes with Zipf-like weights (1/rank): a few heavy hitters, a long tail. */
export class ZipfPicker {
  private readonly cumulative: number[] = [];

  constructor(size: number, exponent = 1) {
    let total = 0;
    for (let rank = 1; rank <= size; rank += 1) {
      total += 1 / rank ** exponent;
      this.cumulative.push(total);
    }
    for (let i = 0; i < size; i += 1) this.cumulative[i] = this.cumulative[i]! / total;
  }

  pick(random: Prng): number {
    const u = random.next();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
