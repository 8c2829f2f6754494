import { Inject, Injectable } from '@nestjs/common';
import { AlertChange, AlertsRepository, AlertView } from '@soc/alerts';
import { AuditTrail } from '@soc/audit';
import { CLOCK, type Clock, type Priority, SOC_CONFIG, type SocConfig } from '@soc/shared';
import { Tx } from '@soc/storage';
import { IncidentAssessor } from './incident-assessor';
import { mergeTallies, tallyObservables } from './incident-observables';
import { IncidentChange } from './incident.view';
import { IncidentRow, IncidentsRepository, TimelineEntry, toIncidentSummary } from './incidents.repository';
import { categoryFromTags, groupingKeys, priorityFor, severityRank, slaDueTimes } from './pure';

/** Who groups alerts, in timelines and the audit log. */
export const DETECTION_ACTOR = 'system:detection';

export interface GroupingOutcome {
  /** The batch's alert changes, with each alert's priority and incident filled in. */
  alerts: AlertChange[];
  incidents: IncidentChange[];
}

/**
 * Puts each new or updated alert into an incident, in the detection batch's transaction: an alert sharing a
 * grouping key with an open incident of its agency (within the window, on event time) joins it; otherwise an
 * alert severe enough opens a new one, and a minor one stays alone (it may join one later through a new key).
 */
@Injectable()
export class IncidentGrouper {
  constructor(
    private readonly incidents: IncidentsRepository,
    private readonly alertStore: AlertsRepository,
    private readonly assessor: IncidentAssessor,
    private readonly audit: AuditTrail,
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async group(tx: Tx, changes: readonly AlertChange[]): Promise<GroupingOutcome> {
    if (changes.length === 0) return { alerts: [], incidents: [] };
    const policy = this.config.incidents;
    const placements: Array<{ id: string; priority: Priority; incidentId: string | null }> = [];
    const joined = new Map<string, AlertView[]>();
    const opened = new Set<string>();
    const timeline: TimelineEntry[] = [];
    // Most severe first, so within one batch the alert that may open an incident does so before minor ones look for it.
    const bySeverity = [...changes].sort((a, b) => severityRank(b.alert.severity) - severityRank(a.alert.severity));
    const keysOf = new Map(bySeverity.filter((c) => !c.alert.incidentId).map(({ alert }) => [alert.id, groupingKeys({ ...alert, ...alert.entities }, policy.grouping)]));
    // Every key this batch may group under, locked at once (in the one global order) before any incident is
    // read or written: taken alert by alert, two batches (two partitions) could each hold a key the other
    // waits for while holding an incident row the other needs — a deadlock.
    await this.incidents.lockGroupingKeys(tx, [...new Set([...keysOf.values()].flat())]);
    for (const { alert } of bySeverity) {
      const priority = priorityFor(policy.priorityMatrix, alert.severity, alert.securityLevel);
      if (alert.incidentId) {
        placements.push({ id: alert.id, priority, incidentId: alert.incidentId });
        if (!joined.has(alert.incidentId)) joined.set(alert.incidentId, []);
        continue;
      }
      const incident = await this.incidentFor(tx, alert, keysOf.get(alert.id)!, priority, opened);
      placements.push({ id: alert.id, priority, incidentId: incident?.row.id ?? null });
      if (!incident) continue;
      if (incident.opened) timeline.push({ incidentId: incident.row.id, actor: DETECTION_ACTOR, kind: 'created', details: { priority, groupKeys: incident.row.group_keys } });
      joined.set(incident.row.id, [...(joined.get(incident.row.id) ?? []), alert]);
      timeline.push({ incidentId: incident.row.id, actor: DETECTION_ACTOR, kind: 'alert_added', details: { alertId: alert.id, ruleId: alert.ruleId, title: alert.title, matchedKeys: incident.matchedKeys } });
    }
    const placed = await this.alertStore.placeInIncidents(tx, placements);
    for (const [incidentId, alerts] of joined) {
      // Sightings count alerts joining; an alert updated again only widens the times.
      const again = placed.filter((a) => a.incidentId === incidentId && !alerts.some((j) => j.id === a.id));
      await this.incidents.addObservables(tx, incidentId, mergeTallies(tallyObservables(alerts), tallyObservables(again).map((o) => ({ ...o, sightings: 0 }))));
    }
    const refreshed = await this.incidents.refreshFromAlerts(tx, [...joined.keys()]);
    const results: IncidentChange[] = [];
    for (const row of refreshed) {
      const { row: current, timeline: more } = await this.assessor.reassess(tx, row, opened.has(row.id) ? row.priority : row.previous_priority, DETECTION_ACTOR);
      timeline.push(...more);
      results.push({ change: opened.has(row.id) ? 'created' : 'updated', incident: toIncidentSummary(current) });
    }
    await this.incidents.appendTimeline(tx, timeline);
    await this.auditGrouping(tx, timeline, results);
    const byId = new Map(placed.map((alert) => [alert.id, alert]));
    return { alerts: changes.map((c) => ({ change: c.change, alert: byId.get(c.alert.id) ?? c.alert })), incidents: results };
  }

  /** The open incident this alert joins (by its grouping `keys`, already locked), or a new one it opens; undefined when it stays on its own. */
  private async incidentFor(tx: Tx, alert: AlertView, keys: string[], priority: Priority, opened: Set<string>): Promise<{ row: IncidentRow; matchedKeys: string[]; opened: boolean } | undefined> {
    const policy = this.config.incidents;
    const notBefore = new Date(Date.parse(alert.firstSeen) - policy.groupingWindowMs);
    const open = keys.length > 0 ? await this.incidents.findOpenByKeys(tx, keys, notBefore) : undefined;
    if (open) {
      const matchedKeys = keys.filter((key) => open.group_keys.includes(key));
      await this.incidents.addGroupKeys(tx, open.id, keys);
      return { row: open, matchedKeys, opened: false };
    }
    if (severityRank(alert.severity) < severityRank(policy.openMinSeverity)) return undefined;
    const now = this.clock.now();
    const due = slaDueTimes(now, priority, policy.sla);
    const row = await this.incidents.create(tx, {
      title: alert.sourceIp ? `${alert.title} — ${alert.sourceIp}` : alert.title,
      agencyId: alert.agencyId,
      priority,
      severity: alert.severity,
      // The national category starts from the opening alert's techniques; a person corrects it by PATCH.
      category: categoryFromTags(alert.tags),
      groupKeys: keys,
      firstSeen: alert.firstSeen,
      lastSeen: alert.lastSeen,
      createdAt: now,
      acknowledgeBy: due.acknowledgeBy,
      resolveBy: due.resolveBy,
    });
    opened.add(row.id);
    return { row, matchedKeys: [], opened: true };
  }

  private async auditGrouping(tx: Tx, timeline: readonly TimelineEntry[], results: readonly IncidentChange[]): Promise<void> {
    const agencyOf = new Map(results.map((r) => [r.incident.id, r.incident.agencyId]));
    for (const result of results) {
      if (result.change !== 'created') continue;
      const { incident } = result;
      await this.audit.record(
        { actor: DETECTION_ACTOR, action: 'incidents.created', target: `incident:${incident.id}`, agencyId: incident.agencyId, details: { ref: incident.ref, priority: incident.priority, title: incident.title } },
        tx,
      );
    }
    for (const entry of timeline) {
      if (entry.kind !== 'alert_added') continue;
      await this.audit.record(
        { actor: DETECTION_ACTOR, action: 'incidents.alert_added', target: `incident:${entry.incidentId}`, agencyId: agencyOf.get(entry.incidentId) ?? null, details: entry.details ?? {} },
        tx,
      );
    }
  }
}
