import type { SecurityEvent } from '@soc/parsers';

/** A place in a normalized event: a dotted path; a last segment `*` stands for every value of that object. */
export interface EventPath {
  /** The path as written, for explanations. */
  readonly key: string;
  /** What per-event caches and indexes know the path by (a loose path differs from the exact one). */
  readonly id: string;
  readonly segments: readonly string[];
  readonly spread: boolean;
  /**
   * The last segment without blanks and underscores, when it may also match a key written with them:
   * Sigma strips the blanks of Windows names (`Source Name` → `SourceName`).
   */
  readonly looseName?: string;
  /** Where views keep this path's reading: one slot per distinct `id`, shared by every path object with it. */
  readonly slot: number;
}

const squeeze = (name: string) => name.replace(/[\s_]/g, '');

/**
 * Slots by path id. Paths come from loaded rules and mappings, so there are as many as distinct fields
 * they name (a few thousand for all of SigmaHQ); a reload names the same fields again and reuses them.
 */
const slots = new Map<string, number>();
function slotOf(id: string): number {
  let slot = slots.get(id);
  if (slot === undefined) slots.set(id, (slot = slots.size));
  return slot;
}

export function eventPath(key: string, options: { looseName?: boolean } = {}): EventPath {
  const segments = key.split('.');
  const spread = segments[segments.length - 1] === '*';
  const path = { key, id: key, segments: spread ? segments.slice(0, -1) : segments, spread, slot: slotOf(key) };
  if (!options.looseName || spread) return path;
  const id = `${key}~`;
  return { ...path, id, looseName: squeeze(segments[segments.length - 1]!), slot: slotOf(id) };
}

/** An event's value(s) at a path as text: one string, several (arrays, `*` paths), or none. */
export type Texts = string | readonly string[] | undefined;

/** The value at the path (undefined when absent); for a `*` path, the values of the object there. */
function read(event: unknown, path: EventPath): unknown {
  let node = event;
  for (const segment of path.segments) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  if (!path.spread) return node;
  return typeof node === 'object' && node !== null ? Object.values(node) : undefined;
}

/** The object holding the path's last segment, undefined when there is none (only loose lookups need it). */
function parentOf(event: unknown, path: EventPath): unknown {
  const { segments } = path;
  let node = event;
  for (let i = 0; i < segments.length; i += 1) {
    if (typeof node !== 'object' || node === null) return undefined;
    if (i === segments.length - 1) return node;
    node = (node as Record<string, unknown>)[segments[i]!];
  }
  return undefined;
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}

function textsOf(value: unknown): Texts {
  if (!Array.isArray(value)) return scalarText(value);
  const texts: string[] = [];
  for (const item of value) {
    const text = scalarText(item);
    if (text !== undefined) texts.push(text);
  }
  return texts;
}

function lowered(texts: Texts): Texts {
  if (texts === undefined) return undefined;
  return typeof texts === 'string' ? texts.toLowerCase() : texts.map((t) => t.toLowerCase());
}

/** True when `test` accepts the text or one of the texts. */
export function someText(texts: Texts, test: (text: string) => boolean): boolean {
  if (texts === undefined) return false;
  if (typeof texts === 'string') return test(texts);
  for (const text of texts) if (test(text)) return true;
  return false;
}

/** The first text `test` accepts (for explanations, off the hot path). */
export function findText(texts: Texts, test: (text: string) => boolean): string | undefined {
  if (texts === undefined) return undefined;
  if (typeof texts === 'string') return test(texts) ? texts : undefined;
  return texts.find(test);
}

/** Marks a text form of a path not worked out yet (undefined is a result: no text there). */
const UNREAD: unique symbol = Symbol('unread');

/** One path of the event being read: its value, and its text and lowered text once asked for. */
class PathReading {
  text: Texts | typeof UNREAD = UNREAD;
  lower: Texts | typeof UNREAD = UNREAD;
  /**
   * The last single text lowered at this path, and its lowered form, kept across events: most paths hold
   * the same few values event after event (a dataset, an action), and lowering makes a new string each
   * time, which every index lookup then has to hash again.
   */
  lastText: string | undefined = undefined;
  lastLower: string | undefined = undefined;
  constructor(
    public value: unknown,
    /** Which event of the view it was read from (see EventView.reset). */
    public generation: number,
  ) {}
}

function textOf(reading: PathReading): Texts {
  if (reading.text === UNREAD) reading.text = textsOf(reading.value);
  return reading.text;
}

/**
 * One event as the compiled rules read it. Each path is read, turned into text and lowered at most
 * once per event, however many rules look at it: lowering is the dominant cost of
 * case-insensitive matching. One entry per path, at the path's slot, holds all three forms (an array
 * index per read, not a map lookup).
 * A view can be `reset` to the next event: its entries are then reused (marked with the event's
 * generation), so reading an event allocates nothing but the texts themselves.
 */
export class EventView {
  private readonly readings: (PathReading | undefined)[] = [];
  private generation = 0;
  /** Objects' members by blank-less name, built on the first loose lookup into each object. */
  private looseMembers: Map<object, Map<string, unknown>> | undefined;

  constructor(public event: SecurityEvent) {}

  /** Reads `event` from now on; what was read from the one before is forgotten. */
  reset(event: SecurityEvent): void {
    this.event = event;
    this.generation += 1;
    this.looseMembers = undefined;
  }

  value(path: EventPath): unknown {
    return this.reading(path).value;
  }

  text(path: EventPath): Texts {
    return textOf(this.reading(path));
  }

  lower(path: EventPath): Texts {
    const reading = this.reading(path);
    if (reading.lower !== UNREAD) return reading.lower;
    const text = textOf(reading);
    if (typeof text !== 'string') return (reading.lower = lowered(text));
    if (text !== reading.lastText) {
      reading.lastText = text;
      reading.lastLower = text.toLowerCase();
    }
    return (reading.lower = reading.lastLower);
  }

  private reading(path: EventPath): PathReading {
    let reading = this.readings[path.slot];
    if (reading !== undefined && reading.generation === this.generation) return reading;
    const found = read(this.event, path);
    const value = found === undefined && path.looseName !== undefined ? this.looseMember(parentOf(this.event, path), path.looseName) : found;
    if (reading === undefined) {
      // Grown with explicit empties up to the slot: an array with holes reads slower.
      while (this.readings.length < path.slot) this.readings.push(undefined);
      this.readings[path.slot] = reading = new PathReading(value, this.generation);
      return reading;
    }
    reading.value = value;
    reading.generation = this.generation;
    reading.text = UNREAD;
    reading.lower = UNREAD;
    return reading;
  }

  private looseMember(parent: unknown, name: string): unknown {
    if (typeof parent !== 'object' || parent === null) return undefined;
    this.looseMembers ??= new Map();
    let members = this.looseMembers.get(parent);
    if (!members) {
      members = new Map(Object.entries(parent).map(([key, value]) => [squeeze(key), value]));
      this.looseMembers.set(parent, members);
    }
    return members.get(name);
  }
}
