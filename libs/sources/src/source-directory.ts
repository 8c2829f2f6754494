import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@soc/shared';
import { SourcesRepository } from './sources.repository';

const TTL_MS = 30_000;

/** Which agency owns each source, for enriching events; cached briefly, as every batch asks. */
@Injectable()
export class SourceDirectory {
  private readonly cache = new Map<string, { agencyId: string | null; until: number }>();

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

  /** Agency per source id; unknown sources map to null (accepted, not attributed). */
  async agenciesOf(sourceIds: Iterable<string>): Promise<Map<string, string | null>> {
    const now = this.clock.now().getTime();
    const result = new Map<string, string | null>();
    const missing: string[] = [];
    for (const id of new Set(sourceIds)) {
      const cached = this.cache.get(id);
      if (cached && cached.until > now) result.set(id, cached.agencyId);
      else missing.push(id);
    }
    if (missing.length > 0) {
      const found = await this.sources.agenciesOf(missing);
      for (const id of missing) {
        const agencyId = found.get(id) ?? null;
        this.cache.set(id, { agencyId, until: now + TTL_MS });
        result.set(id, agencyId);
      }
    }
    return result;
  }
}
