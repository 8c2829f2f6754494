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
  /** What each match resolved to so far, and the last id it covered (same two-generation bound). */
  private resolvedCurrent = new Map<string, { entities: AlertEntities; lastId: string }>();
  private resolvedPrevious = new Map<string, { entities: AlertEntities; lastId: string }>();

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
   * update, so what was resolved for it is kept (by match key) and only ids after the last one resolved
   * are looked up. Returns the ids not held.
   */
  resolveMatch(key: string, ids: readonly string[], base: AlertEntities): { entities: AlertEntities; missing: string[] } {
    const earlier = this.resolvedCurrent.get(key) ?? this.resolvedPrevious.get(key);
    const from = earlier ? ids.lastIndexOf(earlier.lastId) + 1 : 0;
    const result = this.resolve(from > 0 ? ids.slice(from) : ids, from > 0 ? earlier!.entities : base);
    if (this.resolvedCurrent.size >= this.generationSize) {
      this.resolvedPrevious = this.resolvedCurrent;
      this.resolvedCurrent = new Map();
    }
    // Kept only when complete: entities the caller reads from storage for missing ids never come back here.
    if (ids.length > 0 && result.missing.length === 0) this.resolvedCurrent.set(key, { entities: result.entities, lastId: ids[ids.length - 1]! });
    return result;
  }

  /** The entities of these events added to `base`, and the ids not held. */
  resolve(ids: readonly string[], base: AlertEntities): { entities: AlertEntities; missing: string[] } {
    const users = new Set(base.userNames);
    const hosts = new Set(base.hostNames);
    const systems = new Set(base.systemIds);
    let sourceIp = base.sourceIp;
    let level = base.securityLevel ?? null;
    const missing: string[] = [];
    for (const id of ids) {
      const known = this.current.get(id) ?? this.previous.get(id);
      if (!known) {
        missing.push(id);
        continue;
      }
      sourceIp ??= known.sourceIp;
      if (known.user) users.add(known.user);
      if (known.host) hosts.add(known.host);
      if (known.system) systems.add(known.system);
      if (known.level !== undefined) level = Math.max(level ?? 0, known.level);
    }
    const list = (values: Set<string>) => [...values].slice(0, LISTED);
    return {
      entities: { ...(sourceIp ? { sourceIp } : {}), agencyId: base.agencyId, userNames: list(users), hostNames: list(hosts), systemIds: list(systems), securityLevel: level },
      missing,
    };
  }
}
