import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail } from '@soc/audit';
import { ReviewsRepository } from '@soc/inventory';
import { SOC_CONFIG, type SocConfig } from '@soc/shared';
import { Tx } from '@soc/storage';
import { incidentRef, IncidentRow, IncidentsRepository, TimelineEntry } from './incidents.repository';
import { assessSeriousness, slaDueTimes } from './pure';

/**
 * Keeps what an incident derives from its alerts and facts consistent after any change: SLA deadlines follow
 * the priority (counted from when the incident opened), and the serious flag follows level and effects unless
 * a person set it by hand.
 */
@Injectable()
export class IncidentAssessor {
  constructor(
    private readonly incidents: IncidentsRepository,
    private readonly reviews: ReviewsRepository,
    private readonly audit: AuditTrail,
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
  ) {}

  /** Returns the row as it now is, and timeline entries for what changed. */
  async reassess(tx: Tx, row: IncidentRow, previousPriority: string, actor: string): Promise<{ row: IncidentRow; timeline: TimelineEntry[] }> {
    const timeline: TimelineEntry[] = [];
    let current = row;
    if (row.priority !== previousPriority) {
      const due = slaDueTimes(row.created_at, row.priority, this.config.incidents.sla);
      current = await this.incidents.update(tx, row.id, { ack_due_at: due.acknowledgeBy, resolve_due_at: due.resolveBy });
      timeline.push({ incidentId: row.id, actor, kind: 'priority_changed', details: { from: previousPriority, to: row.priority } });
    }
    if (!current.serious_manual) {
      const nationallyImportant = await this.incidents.anyNationallyImportant(tx, current.system_ids);
      const verdict = assessSeriousness({ securityLevel: current.security_level, nationallyImportant, effects: current.effects });
      if (verdict.serious !== current.serious || verdict.reason !== current.serious_reason) {
        const becameSerious = verdict.serious && !current.serious;
        if (verdict.serious !== current.serious) timeline.push({ incidentId: row.id, actor, kind: 'serious_set', details: { serious: verdict.serious, reason: verdict.reason, manual: false } });
        current = await this.incidents.update(tx, row.id, { serious: verdict.serious, serious_reason: verdict.reason });
        if (becameSerious) await this.openLevelReviews(tx, current, actor);
      }
    }
    return { row: current, timeline };
  }

  /**
   * A serious incident calls for re-determining the level of every system it hit (NĐ 331 Art. 10.2): one open
   * review per system, audited; a review already open for that reason is left as it is.
   */
  async openLevelReviews(tx: Tx, row: IncidentRow, actor: string): Promise<void> {
    const ref = incidentRef(row.number);
    for (const systemId of row.system_ids) {
      const reason = `Sự cố nghiêm trọng ${ref}: xác định lại cấp độ (serious incident: re-determine the level)`;
      const review = await this.reviews.openReview(tx, systemId, 'serious_incident', reason);
      if (!review) continue;
      await this.audit.record({ actor, action: 'posture.review_opened', target: `system:${systemId}`, agencyId: row.agency_id, details: { reviewId: review.id, trigger: 'serious_incident', incident: ref } }, tx);
    }
  }
}
