import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail } from '@soc/audit';
import { CLOCK, type Clock, ErrorCode, SocError } from '@soc/shared';
import { TransactionRunner } from '@soc/storage';
import { IntelDirectory } from './intel-directory';
import type { CreateIntelListRequest, ImportIndicatorsRequest, LookupResultView } from './intel.dto';
import { type IndicatorRecord, type IntelListRecord, type IntelListSummary, IntelRepository } from './intel.repository';
import { type ImportResult, importCsv, importManual, importStix, type IndicatorType, latestPerValue, type Rejection } from './pure';

export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  rejected: Rejection[];
  ignored: Record<string, number>;
}

/** Threat-intelligence lists: created, fed and deleted with an audit record, visible to matching at once on this node. */
@Injectable()
export class IntelService {
  constructor(
    private readonly repository: IntelRepository,
    private readonly directory: IntelDirectory,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  lists(): Promise<IntelListSummary[]> {
    return this.repository.listsWithCounts(this.clock.now());
  }

  async createList(actor: string, request: CreateIntelListRequest): Promise<IntelListRecord> {
    const list = await this.transactions.run(async (tx) => {
      const created = await this.repository.create(
        { id: request.id, name: request.name, description: request.description ?? '', severity: request.severity ?? 'medium', sourceKind: request.sourceKind ?? 'manual', createdBy: actor },
        tx,
      );
      if (!created) throw new SocError(ErrorCode.Conflict, `intel list ${request.id} exists`);
      await this.audit.record({ actor, action: 'intel.lists.create', target: `intel-list:${created.id}`, details: { name: created.name, severity: created.severity, sourceKind: created.sourceKind } }, tx);
      return created;
    });
    this.directory.invalidate();
    return list;
  }

  async deleteList(actor: string, id: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const removed = await this.repository.remove(id, tx);
      if (!removed) throw new SocError(ErrorCode.NotFound, 'no such intel list');
      await this.audit.record({ actor, action: 'intel.lists.delete', target: `intel-list:${id}`, details: { name: removed.list.name, indicators: removed.indicators } }, tx);
    });
    this.directory.invalidate();
  }

  /**
   * Adds indicators to a list, or restates ones it holds (the last statement of a value in one
   * import wins); never removes any. Unusable rows come back in `rejected`, with where and why.
   */
  async importIndicators(actor: string, listId: string, request: ImportIndicatorsRequest): Promise<ImportSummary> {
    const source = sourceOf(request);
    const parsed = parse(source);
    const indicators = latestPerValue(parsed.indicators);
    const { added, updated } = await this.transactions.run(async (tx) => {
      if (!(await this.repository.find(listId, tx))) throw new SocError(ErrorCode.NotFound, 'no such intel list');
      const counts = await this.repository.upsert(listId, indicators, tx);
      if (counts.added + counts.updated > 0) await this.repository.touch(listId, tx);
      await this.audit.record(
        {
          actor,
          action: 'intel.indicators.import',
          target: `intel-list:${listId}`,
          details: { format: source.format, indicators: parsed.indicators.length, ...counts, unchanged: indicators.length - counts.added - counts.updated, rejected: parsed.rejected.length },
        },
        tx,
      );
      return counts;
    });
    if (added + updated > 0) this.directory.invalidate();
    return { added, updated, unchanged: indicators.length - added - updated, rejected: parsed.rejected, ignored: parsed.ignored };
  }

  async indicators(listId: string, query: { limit: number; cursor?: string; type?: IndicatorType }): Promise<{ items: Array<IndicatorRecord & { expired: boolean }>; nextCursor: string | null }> {
    if (!(await this.repository.find(listId))) throw new SocError(ErrorCode.NotFound, 'no such intel list');
    const items = await this.repository.indicators(listId, { limit: query.limit, afterId: query.cursor, type: query.type }, this.clock.now());
    return { items, nextCursor: items.length === query.limit ? items[items.length - 1]!.id : null };
  }

  /** Which lists hold each value, through the same index that matches events (networks, parent domains). */
  async lookup(values: readonly string[]): Promise<LookupResultView[]> {
    const index = await this.directory.index();
    const now = this.clock.now();
    return values.map((value) => {
      const found = index.lookup(value, now);
      return {
        value,
        type: found.type,
        normalized: found.normalized,
        ...(found.reason === undefined ? {} : { reason: found.reason }),
        matches: found.matches.map(({ indicator, expired }) => ({
          listId: indicator.listId,
          listName: indicator.listName,
          type: indicator.type,
          value: indicator.value,
          severity: indicator.severity,
          description: indicator.description,
          validUntil: indicator.validUntil?.toISOString() ?? null,
          expired,
        })),
      };
    });
  }
}

type ImportSource = { format: 'csv' | 'stix'; content: string } | { format: 'manual'; indicators: NonNullable<ImportIndicatorsRequest['indicators']> };

function sourceOf(request: ImportIndicatorsRequest): ImportSource {
  const hasText = request.format !== undefined || request.content !== undefined;
  if (hasText && request.indicators !== undefined) throw new SocError(ErrorCode.ValidationFailed, 'send either {format, content} or {indicators}, not both');
  if (request.indicators !== undefined) return { format: 'manual', indicators: request.indicators };
  if (request.format === undefined) throw new SocError(ErrorCode.ValidationFailed, "send {format: 'csv' | 'stix', content: string} or {indicators: [{type, value, ...}]}");
  if (request.content === undefined) throw new SocError(ErrorCode.ValidationFailed, `content: the ${request.format === 'csv' ? 'CSV text' : 'STIX bundle (JSON text)'} is missing`);
  return { format: request.format, content: request.content };
}

function parse(source: ImportSource): ImportResult {
  switch (source.format) {
    case 'csv':
      return importCsv(source.content);
    case 'stix':
      return importStix(source.content);
    case 'manual':
      return importManual(source.indicators);
  }
}
