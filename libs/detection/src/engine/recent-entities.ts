import type { SecurityEvent } from '@soc/parsers';
import type { AlertEntities } from '../alert-finding';

interface Entities {
  sourceIp?: string;
  user?: string;
  host?: string;
  system?: string;
  level?: number;
}

const LISTED = 50;

/**
 * Who and what recent correlated events concern, by event id, so a correlation alert can name its users,
 * hosts, systems and highest security level without reading its events back from storage. Bounded
 * (oldest first out) and not checkpointed: ids it no longer holds — after a restart, or far back — are
 * returned as missing, for the caller to look up.
 */
export class RecentEntities {
  /** Two generations: when the current one is full it becomes the previous one, and the old previous is dropped. */
  private current = new Map<string, Entities>();
  private previous = new Map<string, Entities>();
  /** What each match resolved to so far (same two-generation bound). */
  private resolvedCurrent = new Map<string, Folded>();
  private resolvedPrevious = new Map<string, Folded>();

  constructor(private readonly generationSize = 100_000) {}

  remember(id: string, event: SecurityEvent): void {
    if (this.current.size >= this.generationSize) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(id, {
      sourceIp: event.source?.ip,
      user: event.user?.name,
      host: event.host?.name,
      system: event.soc.system_id ?? undefined,
      level: event.soc.security_level ?? undefined,
    });
  }

  /**
   * The entities of a correlation match's events added to `base`. A match is resolved again at every
   * update, so what was folded in for it is kept (by match key) and only ids not folded yet are looked up;
   * an update that brings nothing new returns the same entities. Returns the ids not held.
   */
  resolveMatch(key: string, ids: readonly string[], base: AlertEntities, count?: number, fresh = false): { entities: AlertEntities; missing: string[] } {
    const folded = this.resolvedCurrent.get(key) ?? this.resolvedPrevious.get(key) ?? newFolded(base);
    const missing: string[] = [];
    let changed = folded.entities === undefined;
    // The ids that may be new since the last complete resolve of the same match: only the last
    // `count - lastCount` of the list (ids join at the end; the count grows by at least one per id).
    const from = fresh || count === undefined ? 0 : newIdsFrom(folded, ids, count);
    if (from > 0) {
      for (let i = from; i < ids.length; i += 1) {
        const id = ids[i]!;
        if (folded.ids.has(id)) continue;
        const known = this.current.get(id) ?? this.previous.get(id);
        if (!known) {
          missing.push(id);
          continue;
        }
        folded.ids.add(id);
        if (fold(folded, known)) changed = true;
      }
      return this.settle(key, folded, ids, count, missing, changed, base);
    }
    // Every id of the last complete resolve's list is in `folded.ids`; an update mostly repeats that list
    // (the first ids in place, the last ones moved up by the ids that joined), so most ids are settled by
    // comparing them with the id at the same or the shifted place there instead of a hash lookup.
    const last = folded.lastIds;
    const shift = last === undefined ? 0 : slideOf(last, ids);
    for (let i = 0; i < ids.length; i += 1) {
      const id = ids[i]!;
      if (last !== undefined && (last[i] === id || last[i + shift] === id)) continue;
      if (folded.ids.has(id)) continue;
      const known = this.current.get(id) ?? this.previous.get(id);
      if (!known) {
        missing.push(id);
        continue;
      }
      folded.ids.add(id);
      if (fold(folded, known)) changed = true;
    }
    return this.settle(key, folded, ids, count, missing, changed, base);
  }

  /** The end of a resolve, whichever ids it walked. */
  private settle(key: string, folded: Folded, ids: readonly string[], count: number | undefined, missing: string[], changed: boolean, base: AlertEntities): { entities: AlertEntities; missing: string[] } {
    // Ids that left the match's sample are not looked up again anyway: forget them, so the set stays small.
    if (folded.ids.size > 4 * Math.max(ids.length, 25)) folded.ids = new Set(ids.filter((id) => folded.ids.has(id)));
    if (changed || !folded.entities) folded.entities = entitiesOf(folded, base.agencyId);
    // Only a list whose every id is now in `folded.ids` may vouch for ids next time (a copy: the caller owns `ids`).
    folded.lastIds = missing.length === 0 ? ids.slice() : undefined;
    folded.lastCount = missing.length === 0 ? count : undefined;
    // Kept only when complete: entities the caller reads from storage for missing ids never come back here.
    if (missing.length === 0) {
      if (this.resolvedCurrent.size >= this.generationSize && !this.resolvedCurrent.has(key)) {
        this.resolvedPrevious = this.resolvedCurrent;
        this.resolvedCurrent = new Map();
      }
      this.resolvedCurrent.set(key, folded);
    }
    return { entities: folded.entities, missing };
  }
}

/**
 * Where the ids not settled by the last complete resolve start in `ids`, or 0 (walk them all) when that
 * cannot be told for sure: no complete resolve with a count before, the count went back (another burst
 * under the key), or the list's first id or the last resolve's final id is not where it should be.
 * The count grows by at least one per id that joins (more for records standing for several), so the
 * ids before the last `count - lastCount` were all in the last list, and all of those are in `folded.ids`.
 */
function newIdsFrom(folded: Folded, ids: readonly string[], count: number): number {
  const last = folded.lastIds;
  if (last === undefined || folded.lastCount === undefined || last.length === 0) return 0;
  const added = count - folded.lastCount;
  if (added < 0) return 0;
  const end = ids.length - 1 - added; // where the last list's final id stands if exactly `added` ids joined
  if (end < 0 || ids[end] !== last[last.length - 1] || ids[0] !== last[0]) return 0;
  return end + 1;
}

/** Folds one event's entities in; true when something new came (entities are then built anew). */
function fold(folded: Folded, known: Entities): boolean {
  // Entities are built anew only when this id brings something new: in a burst most events repeat
  // the address, users and hosts already folded in, and rebuilding would copy the same lists again.
  let changed = false;
  if (folded.sourceIp === undefined && known.sourceIp !== undefined) {
    folded.sourceIp = known.sourceIp;
    changed = true;
  }
  if (known.user && !folded.users.has(known.user)) changed = addTo(folded.users, known.user);
  if (known.host && !folded.hosts.has(known.host)) changed = addTo(folded.hosts, known.host);
  if (known.system && !folded.systems.has(known.system)) changed = addTo(folded.systems, known.system);
  if (known.level !== undefined) {
    const level = Math.max(folded.level ?? 0, known.level);
    if (level !== folded.level) changed = true;
    folded.level = level;
  }
  return changed;
}

/**
 * How far ids moved up since `last`: once a match's sample is full its second half slides, so the last
 * list's final id now stands that many places earlier (0 while the sample only grows). Only a hint: a
 * wrong one costs hash lookups, never a wrong answer.
 */
function slideOf(last: readonly string[], ids: readonly string[]): number {
  const end = last[last.length - 1];
  for (let place = ids.length - 1; place >= 0; place -= 1) if (ids[place] === end) return last.length - 1 - place;
  return 0;
}

/** Adds a value known to be new; true, for the caller's `changed`. */
function addTo(values: Set<string>, value: string): true {
  values.add(value);
  return true;
}

interface Folded {
  ids: Set<string>;
  sourceIp?: string;
  users: Set<string>;
  hosts: Set<string>;
  systems: Set<string>;
  level: number | null;
  /** Built anew whenever something new is folded in; never changed once handed out. */
  entities?: AlertEntities;
  /** The id list of the last resolve, when it found every id: each of its ids is in `ids`. */
  lastIds?: readonly string[];
  /** The match's event count at that resolve, when it was given. */
  lastCount?: number;
}

const newFolded = (base: AlertEntities): Folded => ({
  ids: new Set(),
  sourceIp: base.sourceIp,
  users: new Set(base.userNames),
  hosts: new Set(base.hostNames),
  systems: new Set(base.systemIds),
  level: base.securityLevel ?? null,
});

function entitiesOf(folded: Folded, agencyId: string | null): AlertEntities {
  // Member by member: a literal opening with a spread is slow in V8 (see @soc/parsers plain-object.ts).
  const entities: AlertEntities = folded.sourceIp ? { sourceIp: folded.sourceIp, agencyId } : { agencyId };
  entities.userNames = listed(folded.users);
  entities.hostNames = listed(folded.hosts);
  entities.systemIds = listed(folded.systems);
  entities.securityLevel = folded.level;
  return entities;
}

/** The first {@link LISTED} values, without copying the whole set first. */
function listed(values: Set<string>): string[] {
  const list: string[] = [];
  for (const value of values) {
    if (list.length === LISTED) break;
    list.push(value);
  }
  return list;
}
