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
  private readonly byId = new Map<string, Entities>();

  constructor(private readonly capacity = 200_000) {}

  remember(id: string, event: SecurityEvent): void {
    if (this.byId.size >= this.capacity) this.byId.delete(this.byId.keys().next().value!);
    this.byId.set(id, {
      sourceIp: event.source?.ip,
      user: event.user?.name,
      host: event.host?.name,
      system: event.soc.system_id ?? undefined,
      level: event.soc.security_level ?? undefined,
    });
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
      const known = this.byId.get(id);
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
