import { Inject, Injectable } from '@nestjs/common';
import { SOC_CONFIG, type SocConfig } from '@soc/shared';
import { Tx } from '@soc/storage';
import { IncidentRow, IncidentsRepository, TimelineEntry } from './incidents.repository';
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
        if (verdict.serious !== current.serious) timeline.push({ incidentId: row.id, actor, kind: 'serious_set', details: { serious: verdict.serious, reason: verdict.reason, manual: false } });
        current = await this.incidents.update(tx, row.id, { serious: verdict.serious, serious_reason: verdict.reason });
      }
    }
    return { row: current, timeline };
  }
}
