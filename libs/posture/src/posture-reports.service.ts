import { Inject, Injectable } from '@nestjs/common';
import { type Principal } from '@soc/auth';
import { ALL_AGENCIES, type AgencyScope, CLOCK, type Clock, ErrorCode, SOC_CONFIG, type SocConfig, SocError, localDay } from '@soc/shared';
import { Tx } from '@soc/storage';
import { renderAnnualReportHtml } from './annual-report.html';

import { PostureRepository } from './posture.repository';
import { type SystemPosture, PostureService } from './posture.service';
import { addDays, annualPeriod, type ProvinceKpis, provinceKpis } from './pure';

export interface KpiReport {
  asOf: string;
  province: ProvinceKpis;
  byAgency: Record<string, ProvinceKpis>;
}

export interface AnnualReportRow {
  agencyId: string;
  agencyName: string;
  systemId: string;
  systemName: string;
  owner: string | null;
  operator: string | null;
  proposedLevel: number | null;
  approvedLevel: number | null;
  dossierStatus: string;
  decisionNumber: string | null;
  decisionDate: string | null;
  regulationStatus: string;
  implementation: string | null;
  requirementsPercent: number | null;
  assessedOn: string[];
  layers: string[];
}

export interface AnnualReport {
  year: number;
  period: { from: string; to: string };
  province: string;
  authority: string;
  generatedAt: string;
  kpis: ProvinceKpis;
  systems: AnnualReportRow[];
}

/** Province KPIs, their daily history, and the annual security-level report (TT 12/2022 Art. 13–14). */
@Injectable()
export class PostureReports {
  constructor(
    private readonly posture: PostureService,
    private readonly repository: PostureRepository,
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async kpis(scope: AgencyScope): Promise<KpiReport> {
    const postures = await this.posture.assemble(scope);
    return {
      asOf: this.clock.now().toISOString(),
      province: provinceKpis(postures.map((p) => p.kpi)),
      byAgency: Object.fromEntries([...groupByAgency(postures)].map(([agency, list]) => [agency, provinceKpis(list.map((p) => p.kpi))])),
    };
  }

  /** Daily snapshots; an agency user sees only their agencies' figures (never the province's). */
  async history(principal: Principal, from?: string, to?: string): Promise<Array<{ day: string; kpis: Partial<KpiReport> }>> {
    const today = localDay(this.clock.now(), this.config.timeZone);
    const snapshots = await this.repository.snapshots(from ?? addDays(today, -365), to ?? today);
    if (principal.scope.all) return snapshots as Array<{ day: string; kpis: KpiReport }>;
    const own = principal.scope.agencies;
    return snapshots.map(({ day, kpis }) => {
      const report = kpis as KpiReport;
      return { day, kpis: { asOf: report.asOf, byAgency: Object.fromEntries(Object.entries(report.byAgency).filter(([agency]) => own.includes(agency))) } };
    });
  }

  /** Records today's province KPIs (once a day is enough; a later run the same day replaces them). */
  async snapshot(tx: Tx): Promise<KpiReport> {
    const report = await this.kpis(ALL_AGENCIES);
    await this.repository.saveSnapshot(tx, localDay(this.clock.now(), this.config.timeZone), report);
    return report;
  }

  async annual(principal: Principal, year: number): Promise<AnnualReport> {
    const period = annualPeriod(year);
    const today = localDay(this.clock.now(), this.config.timeZone);
    if (period.from > today) throw new SocError(ErrorCode.ValidationFailed, `the ${year} report period (${period.from} – ${period.to}) has not started`);
    const postures = await this.posture.assemble(principal.scope);
    const inPeriod = (p: SystemPosture) => p.assessments.map((a) => a.assessedOn).filter((d) => d >= period.from && d <= period.to);
    const systems = postures.map(
      (p): AnnualReportRow => ({
        agencyId: p.view.agencyId,
        agencyName: p.view.agencyName,
        systemId: p.view.systemId,
        systemName: p.view.name,
        owner: p.system.owner,
        operator: p.system.operator,
        proposedLevel: p.view.dossier.proposedLevel,
        approvedLevel: p.view.securityLevel,
        dossierStatus: p.view.dossier.status,
        decisionNumber: p.view.dossier.decisionNumber,
        decisionDate: p.view.dossier.decisionDate,
        regulationStatus: p.view.dossier.regulationStatus,
        implementation: p.kpi.implementation,
        requirementsPercent: (p.view.requirements as { percent?: number | null } | null)?.percent ?? null,
        assessedOn: inPeriod(p),
        layers: p.view.layers.map((l) => l.status),
      }),
    );
    // "Assessed in the cycle" for the report year's period, whatever today's cycle is.
    const kpis = provinceKpis(postures.map((p) => ({ ...p.kpi, assessedInCycle: inPeriod(p).length > 0 })));
    return { year, period, province: this.config.province.name, authority: this.config.province.authority, generatedAt: this.clock.now().toISOString(), kpis, systems };
  }

  renderHtml(report: AnnualReport): string {
    return renderAnnualReportHtml(report, this.config.timeZone);
  }
}

function groupByAgency(postures: readonly SystemPosture[]): Map<string, SystemPosture[]> {
  const groups = new Map<string, SystemPosture[]>();
  for (const p of postures) groups.set(p.view.agencyId, [...(groups.get(p.view.agencyId) ?? []), p]);
  return groups;
}
