import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@soc/auth';
import { ErrorCode, SOC_CONFIG, type SocConfig, SocError } from '@soc/shared';
import { incidentRef, IncidentsRepository } from '../incidents.repository';
import { buildMispEvent, type MispEvent } from './misp-event';
import type { Producer, SharedIncident } from './shared-incident';
import { buildStixBundle, type StixBundle } from './stix-bundle';
import { DEFAULT_TLP, type TlpLevel } from './tlp';

/** Indicator sharing: an incident's observables as STIX 2.1 or MISP, within the caller's agency scope. */
@Injectable()
export class SharingService {
  constructor(
    private readonly incidents: IncidentsRepository,
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
  ) {}

  async stix(principal: Principal, id: string, tlp: TlpLevel = DEFAULT_TLP): Promise<StixBundle> {
    return buildStixBundle(await this.shared(principal, id), this.producer(), tlp);
  }

  async misp(principal: Principal, id: string, tlp: TlpLevel = DEFAULT_TLP): Promise<MispEvent> {
    return buildMispEvent(await this.shared(principal, id), this.producer(), tlp);
  }

  private producer(): Producer {
    return { name: this.config.province.authority };
  }

  /** Another agency's incident answers 404, exactly like a missing one (the scope is in the query). */
  private async shared(principal: Principal, id: string): Promise<SharedIncident> {
    const row = await this.incidents.get(principal.scope, id);
    if (!row) throw new SocError(ErrorCode.NotFound, 'no such incident');
    return {
      id: row.id,
      ref: incidentRef(row.number),
      title: row.title,
      priority: row.priority,
      state: row.state,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      firstSeen: row.first_seen.toISOString(),
      lastSeen: row.last_seen.toISOString(),
      observables: await this.incidents.observables(id),
    };
  }
}
