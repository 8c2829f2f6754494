import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@soc/audit';
import { OutboxRepository } from '@soc/realtime';
import { Tx } from '@soc/storage';
import { IncidentSummary } from './incident.view';
import { IncidentsRepository } from './incidents.repository';

/** One passed deadline of an incident, as the job that noticed it describes it. */
export interface Breach {
  /** The job, as timeline and audit name it (`system:sla`, `system:report-clocks`). */
  actor: string;
  /** The timeline entry's kind and the audit action. */
  kind: string;
  action: string;
  /** Shown on the timeline, sent in `sla.breached` (with the incident) and kept in the audit record. */
  details: Record<string, unknown>;
}

/**
 * Makes a passed deadline known, in the caller's transaction: a timeline entry on the incident, `sla.breached`
 * on the live feed and an audit record. The SLA monitor and the report-clock monitor both announce this way.
 */
@Injectable()
export class BreachAnnouncer {
  constructor(
    private readonly incidents: IncidentsRepository,
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditTrail,
  ) {}

  async announce(tx: Tx, incident: IncidentSummary, { actor, kind, action, details }: Breach): Promise<void> {
    await this.incidents.appendTimeline(tx, [{ incidentId: incident.id, actor, kind, details }]);
    await this.outbox.append(tx, [{ type: 'sla.breached', agencyId: incident.agencyId, priority: incident.priority, payload: { ...details, incident } }]);
    await this.audit.record({ actor, action, target: `incident:${incident.id}`, agencyId: incident.agencyId, details }, tx);
  }
}
