import type { SecurityEvent } from '@soc/parsers';
import { IpNetwork, NetworkTable } from '@soc/net';

/** An information system as enrichment sees it. */
export interface SystemRef {
  systemId: string;
  agencyId: string;
  /** Approved security level (cấp độ 1–5); null until approved. */
  securityLevel: number | null;
}

export type AssetEntry = SystemRef & ({ kind: 'network'; network: IpNetwork } | { kind: 'hostname'; hostname: string });

type Clue = { kind: 'host' | 'domain' | 'address'; value: string };

/**
 * Where an event names the system it concerns, most telling first: the host that logged it, then the
 * target (destination address, requested domain), then the initiator (source address).
 */
function* cluesOf(e: SecurityEvent): Generator<Clue> {
  for (const name of [e.host?.name, e.host?.hostname]) if (name) yield { kind: isAddressLike(name) ? 'address' : 'host', value: name };
  for (const ip of e.host?.ip ?? []) yield { kind: 'address', value: ip };
  if (e.destination?.ip) yield { kind: 'address', value: e.destination.ip };
  for (const domain of [e.url?.domain, e.destination?.domain]) if (domain) yield { kind: 'domain', value: domain };
  if (e.source?.ip) yield { kind: 'address', value: e.source.ip };
}

const isAddressLike = (name: string) => /^[\d.]+$/.test(name) || name.includes(':');

class Inventory {
  private readonly hostnames = new Map<string, SystemRef>();
  private readonly networks = new NetworkTable<SystemRef>();

  add(entry: AssetEntry): void {
    const ref: SystemRef = { systemId: entry.systemId, agencyId: entry.agencyId, securityLevel: entry.securityLevel };
    if (entry.kind === 'hostname') this.hostnames.set(entry.hostname, ref);
    else this.networks.set(entry.network, ref);
  }

  find({ kind, value }: Clue): SystemRef | undefined {
    if (kind === 'address') return this.networks.lookup(value);
    const name = value.toLowerCase();
    // A logging host often gives its FQDN where the inventory has its short name.
    return this.hostnames.get(name) ?? (kind === 'host' ? this.hostnames.get(name.split('.')[0]!) : undefined);
  }

  get size(): number {
    return this.hostnames.size + this.networks.size;
  }
}

/**
 * The asset inventory in memory: which information system an event concerns. A source that belongs to
 * an agency is only ever matched to that agency's systems (its logs cannot be attributed elsewhere);
 * a source without one — unregistered, or a province-wide sensor such as the data-centre firewall —
 * is matched against every agency's assets.
 */
export class AssetIndex {
  private readonly all = new Inventory();
  private readonly byAgency = new Map<string, Inventory>();

  constructor(entries: Iterable<AssetEntry>) {
    for (const entry of entries) {
      this.all.add(entry);
      let own = this.byAgency.get(entry.agencyId);
      if (!own) this.byAgency.set(entry.agencyId, (own = new Inventory()));
      own.add(entry);
    }
  }

  get size(): number {
    return this.all.size;
  }

  systemOf(event: SecurityEvent, sourceAgencyId: string | null): SystemRef | undefined {
    const inventory = sourceAgencyId === null ? this.all : this.byAgency.get(sourceAgencyId);
    if (!inventory) return undefined;
    for (const clue of cluesOf(event)) {
      const found = inventory.find(clue);
      if (found) return found;
    }
    return undefined;
  }
}
