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
