/** Reads a group-by field of an input (a correlated event, or an upstream match for a chained correlation). */
export interface FieldSource {
  field(name: string): string | number | undefined;
}

type Level = Map<string, Level | string>;

/** The key of the one group of a correlation without group-by fields. */
const EVERY_EVENT = '[]';

/**
 * The group key (JSON of the group-by values in order) of each distinct tuple of values, made once: the
 * events of one group then share one key string, already hashed, which the flush finds at once, and no
 * key is stringified and concatenated per event. A tree of maps, one level per field; bounded: cleared
 * when it holds `max` keys.
 */
export class GroupKeys {
  private root: Level = new Map();
  private size = 0;
  /** Scratch: the values read so far for the key being looked up. */
  private readonly values: string[] = [];

  constructor(
    private readonly fields: readonly string[],
    private readonly max: number,
  ) {}

  /** Undefined when a group-by value is missing: such events are counted, not grouped under an empty value. */
  keyOf(source: FieldSource): string | undefined {
    const fields = this.fields;
    const last = fields.length - 1;
    if (last < 0) return EVERY_EVENT;
    let level = this.root;
    for (let index = 0; index <= last; index += 1) {
      const value = source.field(fields[index]!);
      if (value === undefined || value === '') return undefined;
      const text = typeof value === 'string' ? value : String(value);
      this.values[index] = text;
      const next = level.get(text);
      if (index === last) return typeof next === 'string' ? next : this.add(level, text);
      if (next instanceof Map) {
        level = next;
        continue;
      }
      const below: Level = new Map();
      level.set(text, below);
      level = below;
    }
    return undefined; // not reached: the last field returns
  }

  private add(level: Level, text: string): string {
    // The scratch holds exactly this tuple's values (one per field), so its JSON is the key.
    const key = JSON.stringify(this.values);
    if (this.size >= this.max) {
      // Full: start afresh (this key is kept the next time its group comes).
      this.root = new Map();
      this.size = 0;
      return key;
    }
    level.set(text, key);
    this.size += 1;
    return key;
  }
}
