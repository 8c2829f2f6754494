/**
 * Building event objects on the hot path. V8 (Node 20) takes a slow path for an object literal that
 * opens with a spread and then adds members: `{ ...a, b }`, `{ ...a, ...b }`,
 * `{ ...(x === undefined ? {} : { x }), ...(y === undefined ? {} : { y }) }` cost about 0.5 µs per
 * added member (5 µs to merge ten keys), and `Object.fromEntries(Object.entries(o).filter(…))` is
 * several times slower than a loop. Parsers therefore build such objects member by member, or with
 * `Object.assign({}, a, { b })` when every source was built by a parser: Object.assign sets members,
 * so a `__proto__` key read off the wire would replace the prototype, where a spread keeps it as a
 * member (copyMembers and setMember below do the same). Either way the object gets the same members
 * in the same order. Literals that open with a plain member (`{ kind: 'event', ...a }`) are fast and
 * stay as they are; test/plain-object.spec.ts keeps the slow form out of this library.
 */

/** The members of `value` that are not undefined, in their order, as a new object; undefined when none is. */
export function withoutUndefined<T extends object>(value: T): T | undefined {
  let kept: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined) continue;
    kept ??= {};
    setMember(kept, key, member);
  }
  return kept as T | undefined;
}

/** The members of `value` that are neither undefined nor `''`, in their order, as a new object (possibly empty). */
export function withoutEmpty<T>(value: Readonly<Record<string, T | undefined>>): Record<string, T> {
  const kept: Record<string, T> = {};
  // Own members only (as Object.keys), without the array of keys: this runs for every auth event.
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const member = value[key];
    if (member !== undefined && member !== '') setMember(kept, key, member);
  }
  return kept;
}

/**
 * Adds the members of `source` to `target` as `{ ...target, ...source }` would (string keys, a repeated
 * key keeps its place and takes the new value, `__proto__` stays a member); returns `target`.
 */
export function copyMembers<T extends Record<string, unknown>>(target: T, source: object | undefined): T {
  if (source === undefined) return target;
  for (const key of Object.keys(source)) setMember(target, key, (source as Record<string, unknown>)[key]);
  return target;
}

/**
 * `target[key] = value`, except that a key `__proto__` (possible in keys read off the wire) becomes
 * an own member as it would in a literal or `Object.fromEntries`, instead of replacing the prototype.
 */
export function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}
