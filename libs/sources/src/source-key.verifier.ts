import { isIPv4 } from 'node:net';
import { Injectable } from '@nestjs/common';
import { type ApiKeyVerifier, hashSecret, Permission, type SourcePrincipal } from '@soc/auth';
import { agenciesScope } from '@soc/shared';
import { SourcesRepository } from './sources.repository';

/** A source's API key opens the ingest routes only, and only from its allowed addresses. */
@Injectable()
export class SourceKeyVerifier implements ApiKeyVerifier {
  constructor(private readonly sources: SourcesRepository) {}

  async verify(apiKey: string, clientIp: string): Promise<SourcePrincipal | undefined> {
    const source = await this.sources.findByKeyHash(hashSecret(apiKey), plainAddress(clientIp));
    if (!source || !source.ipAllowed) return undefined;
    return {
      kind: 'source',
      sourceId: source.id,
      agencyId: source.agencyId,
      permissions: new Set([Permission.IngestWrite]),
      scope: agenciesScope(source.agencyId ? [source.agencyId] : []),
    };
  }
}

/** `::ffff:10.0.0.1` (IPv4 on a dual-stack socket) compares as 10.0.0.1 against IPv4 allow-lists. */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(.+)$/i.exec(address);
  return mapped && isIPv4(mapped[1]!) ? mapped[1]! : address;
}
