const SLOTS = 32;

/** A slot from the length and the last character: cheap, and distinct for most short names. */
const slotOf = (text: string): number => (text.length * 7 + text.charCodeAt(text.length - 1)) & (SLOTS - 1);

/**
 * Some strings known to be in a set, one per slot: a value seen again is mostly found in its slot by
 * comparing text, without hashing it. Event fields are fresh strings (slices of their line), and hashing
 * one to look it up in a Set cost more than the rest of noting it. A miss says nothing: ask the set.
 */
export class KnownStrings {
  private readonly slots: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);

  has(text: string): boolean {
    return this.slots[slotOf(text)] === text;
  }

  /** `text` must be in the set: `has` answers true for it until another string takes its slot. */
  remember(text: string): void {
    this.slots[slotOf(text)] = text;
  }
}
