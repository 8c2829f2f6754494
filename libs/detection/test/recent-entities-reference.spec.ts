import type { SecurityEvent } from '@soc/parsers';
import type { AlertEntities } from '../src/alert-finding';
import { RecentEntities } from '../src/engine/recent-entities';

/**
 * RecentEntities settles most ids of an update by comparing them with the last list it resolved for the
 * match. This checks it against the plain algorithm (every id looked up in the folded set) over random
 * streams: sliding samples, ids reused by later events, ids no longer held, restarts of a match key.
 */
class ReferenceEntities {
  private current = new Map<string, { sourceIp?: string; user?: string; host?: string; system?: string; level?: number }>();
  private previous = new Map<string, { sourceIp?: string; user?: string; host?: string; system?: string; level?: number }>();
  private resolvedCurrent = new Map<string, Folded>();
  private resolvedPrevious = new Map<string, Folded>();
  constructor(private readonly generationSize: number) {}

  remember(id: string, event: SecurityEvent): void {
    if (this.current.size >= this.generationSize) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(id, { sourceIp: event.source?.ip, user: event.user?.name, host: event.host?.name, system: event.soc.system_id ?? undefined, level: event.soc.security_level ?? undefined });
  }

  resolveMatch(key: string, ids: readonly string[], base: AlertEntities): { entities: AlertEntities; missing: string[] } {
    const folded: Folded = this.resolvedCurrent.get(key) ??
      this.resolvedPrevious.get(key) ?? { ids: new Set(), sourceIp: base.sourceIp, users: new Set(base.userNames), hosts: new Set(base.hostNames), systems: new Set(base.systemIds), level: base.securityLevel ?? null };
    const missing: string[] = [];
    for (const id of ids) {
      if (folded.ids.has(id)) continue;
      const known = this.current.get(id) ?? this.previous.get(id);
      if (!known) {
        missing.push(id);
        continue;
      }
      folded.ids.add(id);
      folded.sourceIp ??= known.sourceIp;
      if (known.user) folded.users.add(known.user);
      if (known.host) folded.hosts.add(known.host);
      if (known.system) folded.systems.add(known.system);
      if (known.level !== undefined) folded.level = Math.max(folded.level ?? 0, known.level);
    }
    if (folded.ids.size > 4 * Math.max(ids.length, 25)) folded.ids = new Set(ids.filter((id) => folded.ids.has(id)));
    if (missing.length === 0) {
      if (this.resolvedCurrent.size >= this.generationSize && !this.resolvedCurrent.has(key)) {
        this.resolvedPrevious = this.resolvedCurrent;
        this.resolvedCurrent = new Map();
      }
      this.resolvedCurrent.set(key, folded);
    }
    const list = (values: Set<string>) => [...values].slice(0, 50);
    const entities: AlertEntities = {
      ...(folded.sourceIp ? { sourceIp: folded.sourceIp } : {}),
      agencyId: base.agencyId,
      userNames: list(folded.users),
      hostNames: list(folded.hosts),
      systemIds: list(folded.systems),
      securityLevel: folded.level,
    };
    return { entities, missing };
  }
}

interface Folded {
  ids: Set<string>;
  sourceIp?: string;
  users: Set<string>;
  hosts: Set<string>;
  systems: Set<string>;
  level: number | null;
}

const event = (random: () => number) =>
  ({
    '@timestamp': 'x',
    event: {},
    source: { ip: `198.51.100.${Math.floor(random() * 4)}` },
    user: { name: `u${Math.floor(random() * 30)}` },
    host: { name: `h${Math.floor(random() * 6)}` },
    soc: { source_id: 's', transport: 'http', system_id: random() < 0.3 ? `s${Math.floor(random() * 3)}` : null, security_level: random() < 0.3 ? Math.floor(random() * 5) : null },
  }) as unknown as SecurityEvent;

/** A match's id sample as the correlation engine keeps it: the first half, then the last half sliding. */
class Sample {
  head: string[] = [];
  tail: string[] = [];
  constructor(private readonly cap: number) {}
  add(id: string): void {
    const headCap = Math.ceil(this.cap / 2);
    if (this.head.length < headCap) this.head.push(id);
    else {
      this.tail.push(id);
      if (this.tail.length > this.cap - headCap) this.tail.shift();
    }
  }
  list(): string[] {
    return this.head.concat(this.tail);
  }
}

describe('RecentEntities against the plain algorithm', () => {
  it.each([1, 2, 3, 4, 5, 6])('gives the same entities and missing ids (seed %i)', (seed) => {
    let state = seed * 7919;
    const random = () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state / 2 ** 31;
    };
    const generation = 40 + Math.floor(random() * 200);
    const [fast, plain] = [new RecentEntities(generation), new ReferenceEntities(generation)];
    const matches = new Map<string, Sample>();
    let next = 0;
    for (let step = 0; step < 4000; step++) {
      // Ids come from a small pool, as when a caller numbers events per batch, so they are reused.
      const idPool = random() < 0.5 ? 60 : 100_000;
      const added: string[] = [];
      for (let n = Math.floor(random() * 6); n > 0; n--) {
        const id = String(random() < 0.7 ? next++ % idPool : Math.floor(random() * 80));
        const e = event(random);
        fast.remember(id, e);
        plain.remember(id, e);
        added.push(id);
      }
      const key = `m${Math.floor(random() * 8)}`;
      if (random() < 0.02) matches.delete(key); // a new burst under a key seen before
      let sample = matches.get(key);
      if (!sample) matches.set(key, (sample = new Sample(random() < 0.5 ? 10 : 50)));
      for (const id of added) sample.add(id);
      // Now and then an id the stream never held (after a restart, or long gone).
      if (random() < 0.05) sample.add(`gone${Math.floor(random() * 5)}`);
      const ids = sample.list();
      // A match's group-by values (hence its base) are fixed by its key.
      const base: AlertEntities = Number(key.slice(1)) % 2 === 0 ? { sourceIp: '203.0.113.1', agencyId: 'a', userNames: ['grouped'] } : { agencyId: null };
      expect(fast.resolveMatch(key, ids, base)).toEqual(plain.resolveMatch(key, ids, base));
    }
  });
});
