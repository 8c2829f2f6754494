import { Injectable } from '@nestjs/common';
import { AgenciesRepository } from '@soc/agencies';
import { AuditTrail } from '@soc/audit';
import { API_KEY_PREFIX, hashSecret, newSecret } from '@soc/auth';
import { ALL_AGENCIES, ErrorCode, SocError } from '@soc/shared';
import { SourceRecord, SourcesRepository } from './sources.repository';

export interface NewSource {
  id: string;
  name: string;
  agencyId?: string;
  allowedIps?: string[];
  formatHint?: string;
  timeZone?: string;
  expectedIntervalSeconds?: number;
  /** Use this key instead of generating one (bootstrap from the environment). */
  apiKey?: string;
}

/** A source with the key that was just issued for it: shown once, never stored in clear. */
export interface IssuedKey {
  source: SourceRecord;
  apiKey: string;
}

@Injectable()
export class SourcesService {
  constructor(
    private readonly sources: SourcesRepository,
    private readonly agencies: AgenciesRepository,
    private readonly audit: AuditTrail,
  ) {}

  async create(actor: string, request: NewSource): Promise<IssuedKey> {
    if (request.agencyId && !(await this.agencies.exists(request.agencyId))) {
      throw new SocError(ErrorCode.ValidationFailed, `agencyId: no agency ${request.agencyId}`);
    }
    const apiKey = request.apiKey ?? newSecret(API_KEY_PREFIX);
    const source = await this.sources.create({
      id: request.id,
      name: request.name,
      agencyId: request.agencyId ?? null,
      allowedIps: request.allowedIps ?? [],
      formatHint: request.formatHint ?? null,
      timeZone: request.timeZone ?? null,
      expectedIntervalSeconds: request.expectedIntervalSeconds ?? null,
      apiKeyHash: hashSecret(apiKey),
      apiKeyPrefix: apiKey.slice(0, 8),
    });
    if (!source) throw new SocError(ErrorCode.Conflict, `source ${request.id} exists`);
    await this.record(actor, 'sources.key_created', source, { name: source.name, allowedIps: source.allowedIps });
    return { source, apiKey };
  }

  /** Issues a new key; the old one stops working at once. */
  async rotateKey(actor: string, id: string): Promise<IssuedKey> {
    const apiKey = newSecret(API_KEY_PREFIX);
    if (!(await this.sources.setKey(id, hashSecret(apiKey), apiKey.slice(0, 8)))) throw new SocError(ErrorCode.NotFound, 'no such source');
    const source = (await this.sources.find(ALL_AGENCIES, id))!;
    await this.record(actor, 'sources.key_rotated', source, {});
    return { source, apiKey };
  }

  async revokeKey(actor: string, id: string): Promise<void> {
    if (!(await this.sources.setKey(id, null, null))) throw new SocError(ErrorCode.NotFound, 'no such source');
    await this.record(actor, 'sources.key_revoked', (await this.sources.find(ALL_AGENCIES, id))!, {});
  }

  private record(actor: string, action: string, source: SourceRecord, details: Record<string, unknown>): Promise<void> {
    return this.audit.record({ actor, action, target: `source:${source.id}`, agencyId: source.agencyId, details });
  }
}
