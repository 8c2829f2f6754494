import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@soc/shared';
import { SourceProfile, SourcesRepository } from './sources.repository';

const TTL_MS = 30_000;

/** Which agency owns each source, for enriching events; cached briefly, as every batch asks. */
@Injectable()
export class SourceDirectory {
  private readonly cache = new Map<string, { profile: SourceProfile; until: number }>();

  constructor(
    private readonly sources: SourcesRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private readonly byAddress = new Map<string, { sourceId: string; until: number }>();

  /**
   * The source a keyless sender (syslog) is, by its address: a registered source whose allow-list
   * holds it, else `syslog:<address>` — accepted, and flagged as unregistered by its missing agency.
   */
  async sourceForAddress(address: string): Promise<string> {
    const now = this.clock.now().getTime();
    const cached = this.byAddress.get(address);
    if (cached && cached.until > now) return cached.sourceId;
    const found = await this.sources.findByAddress(address);
    const sourceId = found?.id ?? `syslog:${address}`;
    if (this.byAddress.size > 50_000) this.byAddress.clear();
    this.byAddress.set(address, { sourceId, until: now + TTL_MS });
    return sourceId;
  }

  /** Profile per source id; an unregistered source gets an empty profile (accepted, not attributed). */
  async profilesOf(sourceIds: Iterable<string>): Promise<Map<string, SourceProfile>> {
    const now = this.clock.now().getTime();
    const result = new Map<string, SourceProfile>();
    const missing: string[] = [];
    for (const id of new Set(sourceIds)) {
      const cached = this.cache.get(id);
      if (cached && cached.until > now) result.set(id, cached.profile);
      else missing.push(id);
    }
    if (missing.length > 0) {
      const found = await this.sources.profilesOf(missing);
      for (const id of missing) {
        const profile = found.get(id) ?? UNREGISTERED;
        this.cache.set(id, { profile, until: now + TTL_MS });
        result.set(id, profile);
      }
    }
    return result;
  }
}

const UNREGISTERED: SourceProfile = { registered: false, agencyId: null, formatHint: null, timeZone: null };
