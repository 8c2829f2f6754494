import { Injectable } from '@nestjs/common';
import { type AgencyScope, ErrorCode, SocError } from '@soc/shared';
import { TransactionRunner } from '@soc/storage';
import { InventoryService } from './inventory.service';
import { type ReviewRecord, ReviewsRepository } from './reviews.repository';

/** Re-determination reviews of a system's level: listed for whoever sees the system, closed by the registry's managers. */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly inventory: InventoryService,
    private readonly transactions: TransactionRunner,
  ) {}

  async list(scope: AgencyScope, systemId: string): Promise<ReviewRecord[]> {
    await this.inventory.visibleSystem(scope, systemId);
    return this.reviews.listOf(systemId);
  }

  close(actor: string, scope: AgencyScope, systemId: string, reviewId: string, note?: string): Promise<ReviewRecord> {
    return this.transactions.run(async (tx) => {
      const system = await this.inventory.visibleSystem(scope, systemId, tx);
      const review = await this.reviews.find(tx, systemId, reviewId);
      if (!review) throw new SocError(ErrorCode.NotFound, 'no such review of this information system');
      const closed = await this.reviews.close(tx, reviewId);
      if (!closed) throw new SocError(ErrorCode.Conflict, `review ${reviewId} is already done (closed ${review.closedAt ?? ''})`);
      await this.inventory.record(tx, actor, 'systems.review.close', system, { reviewId, trigger: review.trigger, note });
      return closed;
    });
  }
}
