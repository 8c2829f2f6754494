import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail } from '@soc/audit';
import { actorOf, type Principal } from '@soc/auth';
import { type AgencyScope, CLOCK, inScope, type Clock, ErrorCode, SOC_CONFIG, type SocConfig, SocError, localDay } from '@soc/shared';
import { TransactionRunner } from '@soc/storage';

import { type AssessmentRow, type MonitoringServiceRow, PostureRepository, type SystemPostureRow, type VulnerabilityRow } from './posture.repository';
import { AssessmentRequest, MonitoringServiceRequest, SystemPostureView, VulnerabilityItem } from './posture.view';
import { annualPeriod, type Contact, judgeFourLayers, type KpiFacts, type Level, regimeOf, reportYearOf, systemDeadlines } from './pure';
import { RequirementsService } from './requirements';

/** Sources that reported within this long count as the system's log sources. */
const SOURCE_WINDOW_MS = 7 * 86_400_000;
/** Deadlines shown ahead. */
const DEADLINE_HORIZON_DAYS = 120;

/** A system's posture with the facts the KPIs and the annual report read too. */
export interface SystemPosture {
  system: SystemPostureRow;
  view: SystemPostureView;
  kpi: KpiFacts;
  assessments: AssessmentRow[];
}

/**
 * Security posture per information system: level and dossier, requirement completeness, the four layers
 * (layer 2 checked against live telemetry), open incidents, source health, vulnerabilities and deadlines.
 */
@Injectable()
export class PostureService {
  constructor(
    private readonly posture: PostureRepository,
    private readonly requirements: RequirementsService,
    private readonly audit: AuditTrail,
    private readonly transactions: TransactionRunner,
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async ofSystem(principal: Principal, systemId: string): Promise<SystemPostureView> {
    const [found] = await this.assemble(principal.scope, systemId);
    if (!found) throw new SocError(ErrorCode.NotFound, 'no such information system');
    return found.view;
  }

  async list(principal: Principal): Promise<SystemPostureView[]> {
    return (await this.assemble(principal.scope)).map((p) => p.view);
  }

  /** Every visible system's posture (one query per kind of fact, whatever the number of systems). */
  async assemble(scope: AgencyScope, systemId?: string): Promise<SystemPosture[]> {
    const systems = await this.posture.systems(scope, systemId);
    if (systems.length === 0) return [];
    const ids = systems.map((s) => s.id);
    const now = this.clock.now();
    const today = localDay(now, this.config.timeZone);
    const [monitoring, sources, assessments, incidents, vulnerabilities, reviews, lastShare, completeness] = await Promise.all([
      this.posture.monitoringServices([...new Set(systems.map((s) => s.agency_id))]),
      this.posture.reportingSources(ids, new Date(now.getTime() - SOURCE_WINDOW_MS)),
      this.posture.assessments(ids),
      this.posture.openIncidents(ids),
      this.posture.vulnerabilities(ids, true),
      this.posture.openReviews(ids),
      this.posture.lastNationalShareAt(),
      this.requirements.completenessFor(ids),
    ]);
    const cycle = annualPeriod(reportYearOf(today));
    return systems.map((system) => {
      const level = (system.security_level ?? null) as Level | null;
      const regime = regimeOf(system.regime_id);
      const systemAssessments = assessments.get(system.id) ?? [];
      const layers = judgeFourLayers({
        systemId: system.id,
        level,
        regime,
        securityUnit: unitOf(system),
        monitoring: monitoring.filter((m) => m.agencyId === system.agency_id),
        sources: sources.get(system.id) ?? [],
        assessments: systemAssessments,
        national: { connected: system.national_connected, connectedOn: system.national_connected_on },
        // Shares are judged once an outbound connector (SOC_NATIONAL_CONNECTOR, libs/national) is configured: it records each accepted batch.
        connectorConfigured: this.config.national.channel !== 'none',
        lastNationalShareAt: lastShare,
        today,
        now,
      });
      const requirementState = completeness.get(system.id) ?? null;
      const view: SystemPostureView = {
        systemId: system.id,
        name: system.name,
        agencyId: system.agency_id,
        agencyName: system.agency_name,
        securityLevel: level,
        dossier: {
          proposedLevel: system.proposed_level,
          status: system.dossier_status,
          decisionNumber: system.decision_number,
          decisionDate: system.decision_date,
          approver: system.approver,
          regulationStatus: system.regulation_status,
          regimeId: regime.id,
          regimeName: regime.name,
        },
        requirements: requirementState,
        layers,
        openIncidents: { P1: 0, P2: 0, P3: 0, P4: 0, ...incidents.get(system.id) },
        sources: sources.get(system.id) ?? [],
        openVulnerabilities: countBy(vulnerabilities.get(system.id) ?? [], (v) => v.severity),
        reviews: reviews.get(system.id) ?? [],
        deadlines: systemDeadlines({ systemId: system.id, level, regime, lastAssessmentOn: systemAssessments[0]?.assessedOn ?? null }, today, DEADLINE_HORIZON_DAYS),
      };
      const kpi: KpiFacts = {
        level,
        approved: level !== null,
        regulationIssued: system.regulation_status === 'issued',
        implementation: requirementState?.implementation ?? null,
        layers: layers.map((l) => l.status),
        assessedInCycle: systemAssessments.some((a) => a.assessedOn >= cycle.from && a.assessedOn <= cycle.to),
      };
      return { system, view, kpi, assessments: systemAssessments };
    });
  }

  async monitoringServices(principal: Principal, agencyId: string): Promise<MonitoringServiceRow[]> {
    this.requireAgency(principal, agencyId);
    return this.posture.monitoringServices([agencyId]);
  }

  addMonitoringService(principal: Principal, agencyId: string, body: MonitoringServiceRequest): Promise<MonitoringServiceRow> {
    this.requireAgency(principal, agencyId);
    if (body.validFrom && body.validTo && body.validTo < body.validFrom) throw new SocError(ErrorCode.ValidationFailed, 'validTo must not be before validFrom');
    return this.transactions.run(async (tx) => {
      const service = { provider: body.provider, kind: body.kind, contractRef: body.contractRef ?? null, validFrom: body.validFrom ?? null, validTo: body.validTo ?? null, systemIds: body.systemIds ?? [] };
      const id = await this.posture.addMonitoringService(tx, agencyId, service).catch(rethrowMissing('agency', agencyId));
      await this.audit.record({ actor: actorOf(principal), action: 'posture.monitoring_added', target: `agency:${agencyId}`, agencyId, details: { id, ...service } }, tx);
      return { id, agencyId, createdAt: this.clock.now().toISOString(), ...service };
    });
  }

  removeMonitoringService(principal: Principal, agencyId: string, id: string): Promise<void> {
    this.requireAgency(principal, agencyId);
    return this.transactions.run(async (tx) => {
      if (!(await this.posture.deleteMonitoringService(tx, agencyId, id))) throw new SocError(ErrorCode.NotFound, 'no such monitoring service for this agency');
      await this.audit.record({ actor: actorOf(principal), action: 'posture.monitoring_removed', target: `agency:${agencyId}`, agencyId, details: { id } }, tx);
    });
  }

  async assessments(principal: Principal, systemId: string): Promise<AssessmentRow[]> {
    await this.requireSystem(principal.scope, systemId);
    return (await this.posture.assessments([systemId])).get(systemId) ?? [];
  }

  async addAssessment(principal: Principal, systemId: string, body: AssessmentRequest): Promise<AssessmentRow> {
    const system = await this.requireSystem(principal.scope, systemId);
    if (body.assessedOn > localDay(this.clock.now(), this.config.timeZone)) throw new SocError(ErrorCode.ValidationFailed, 'assessedOn is in the future');
    return this.transactions.run(async (tx) => {
      const assessment = { assessor: body.assessor, assessedOn: body.assessedOn, scope: body.scope ?? null, openFindings: body.openFindings ?? 0, reportRef: body.reportRef ?? null };
      const id = await this.posture.addAssessment(tx, systemId, assessment);
      await this.audit.record({ actor: actorOf(principal), action: 'posture.assessment_added', target: `system:${systemId}`, agencyId: system.agency_id, details: { id, ...assessment } }, tx);
      return { id, systemId, ...assessment };
    });
  }

  async vulnerabilities(principal: Principal, systemId: string): Promise<VulnerabilityRow[]> {
    await this.requireSystem(principal.scope, systemId);
    return (await this.posture.vulnerabilities([systemId], false)).get(systemId) ?? [];
  }

  async importVulnerabilities(principal: Principal, systemId: string, items: readonly VulnerabilityItem[]): Promise<{ created: number; updated: number }> {
    const system = await this.requireSystem(principal.scope, systemId);
    const references = new Set<string>();
    for (const item of items) {
      if (references.has(item.reference)) throw new SocError(ErrorCode.ValidationFailed, `reference ${item.reference} appears twice`);
      references.add(item.reference);
    }
    return this.transactions.run(async (tx) => {
      const rows = items.map((i) => ({ reference: i.reference, title: i.title, severity: i.severity, status: i.status ?? 'open', foundOn: i.foundOn ?? null }));
      const outcome = await this.posture.importVulnerabilities(tx, systemId, rows);
      await this.audit.record({ actor: actorOf(principal), action: 'posture.vulnerabilities_imported', target: `system:${systemId}`, agencyId: system.agency_id, details: outcome }, tx);
      return outcome;
    });
  }

  private async requireSystem(scope: AgencyScope, systemId: string): Promise<SystemPostureRow> {
    const [system] = await this.posture.systems(scope, systemId);
    if (!system) throw new SocError(ErrorCode.NotFound, 'no such information system');
    return system;
  }

  private requireAgency(principal: Principal, agencyId: string): void {
    if (!inScope(principal.scope, agencyId)) throw new SocError(ErrorCode.NotFound, 'no such agency');
  }
}

function unitOf(system: SystemPostureRow): { name: string; contacts: Contact[] } | null {
  const unit = system.agency_security_unit;
  return unit?.name ? { name: unit.name, contacts: unit.contacts ?? [] } : null;
}

function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[keyOf(item)] = (counts[keyOf(item)] ?? 0) + 1;
  return counts;
}

/** A foreign-key failure on insert means the parent does not exist: a 404, not a 500. */
function rethrowMissing(kind: string, id: string) {
  return (error: unknown): never => {
    if ((error as { code?: string }).code === '23503') throw new SocError(ErrorCode.NotFound, `no such ${kind}: ${id}`);
    throw error;
  };
}
