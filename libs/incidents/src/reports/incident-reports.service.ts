import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail } from '@soc/audit';
import { actorOf, type Principal } from '@soc/auth';
import { renderPdf } from '@soc/documents';
import { CLOCK, type Clock, ErrorCode, SOC_CONFIG, type SocConfig, SocError } from '@soc/shared';
import { TransactionRunner, Tx } from '@soc/storage';
import { incidentRef, IncidentRow, IncidentsRepository } from '../incidents.repository';
import { buildReportContent, type ReportContent, type ReportEdits, type ReportKind, reportNumber } from '../pure';
import { AcknowledgeReportRequestBody, EditReportRequestBody, ReportParams, SubmitReportRequestBody } from './incident-report.requests';
import { IncidentReportView, ReportSubmissionView, ReportVersionView, toSubmissionView } from './incident-report.view';
import { IncidentReportsRepository, ReportVersionRow, SubmissionRow } from './incident-reports.repository';
import { reportDocument } from './report-document';
import { ReportFactsRepository } from './report-facts.repository';

const NOT_FOUND = 'no such incident';
const TIMELINE_FOR_CLOSING = 2000;

/**
 * Reports to the national coordinator (initial, progress, closing), generated from the incident. A draft is
 * regenerated on every read, so it follows the incident; sending freezes the version's content. Every edit,
 * submission and acknowledgement locks the incident and commits its timeline entry and audit record with it.
 */
@Injectable()
export class IncidentReportsService {
  constructor(
    private readonly incidents: IncidentsRepository,
    private readonly reports: IncidentReportsRepository,
    private readonly facts: ReportFactsRepository,
    private readonly audit: AuditTrail,
    private readonly transactions: TransactionRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
  ) {}

  /** The latest version; the generated draft v1 when nobody has saved one yet. */
  async get(principal: Principal, { id, kind }: ReportParams): Promise<IncidentReportView> {
    const row = await this.visible(principal, id);
    return this.view(row, kind, await this.reports.latest(id, kind), await this.reports.submissions(id, kind));
  }

  async pdf(principal: Principal, params: ReportParams): Promise<{ number: string; pdf: Buffer }> {
    const { report } = await this.get(principal, params);
    return { number: report.number, pdf: await renderPdf(reportDocument(report)) };
  }

  async versions(principal: Principal, { id, kind }: ReportParams): Promise<ReportVersionView[]> {
    const row = await this.visible(principal, id);
    const [versions, submissions] = await Promise.all([this.reports.versions(id, kind), this.reports.submissions(id, kind)]);
    if (versions.length === 0) return [this.versionView(row, kind, undefined, [])];
    return versions.map((version) => this.versionView(row, kind, version, submissions));
  }

  /** A new version with these fields changed; a sent or outdated base version is refused (409). */
  async edit(principal: Principal, { id, kind }: ReportParams, body: EditReportRequestBody): Promise<IncidentReportView> {
    const { version: base, ...fields } = body;
    const changed = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as ReportEdits;
    if (Object.keys(changed).length === 0) throw new SocError(ErrorCode.ValidationFailed, 'nothing to change: give osVersions, purpose, confidential or recommendations');
    if (changed.recommendations !== undefined && kind !== 'closing') throw new SocError(ErrorCode.ValidationFailed, 'recommendations belong to the closing report');
    const { row, created } = await this.locked(principal, id, async (row, tx, actor) => {
      const latest = await this.reports.latest(id, kind, tx);
      if (base !== undefined) this.checkBase(base, latest, await this.reports.versions(id, kind, tx));
      const version = (latest?.version ?? 0) + 1;
      const created = await this.reports.addVersion(tx, { incidentId: id, kind, version, edits: { ...latest?.edits, ...changed }, createdBy: actor, createdAt: this.clock.now() });
      const details = { kind, version, number: reportNumber(incidentRef(row.number), kind, version), changed };
      await this.record(tx, row, actor, 'report_edited', details);
      return created;
    });
    return this.view(row, kind, created, await this.reports.submissions(id, kind));
  }

  /**
   * Records that the latest version was sent (freezing it; the generated v1 is saved first if need be). An
   * initial report stops the clocks of the regimes it answers.
   */
  async submit(principal: Principal, { id, kind }: ReportParams, body: SubmitReportRequestBody): Promise<IncidentReportView> {
    if (body.regimes && kind !== 'initial') throw new SocError(ErrorCode.ValidationFailed, 'regimes apply to the initial report only: it is what stops the report clocks');
    const { row, created: sent } = await this.locked(principal, id, async (row, tx, actor) => {
      const now = this.clock.now();
      let version = (await this.reports.latest(id, kind, tx)) ?? (await this.reports.addVersion(tx, { incidentId: id, kind, version: 1, edits: {}, createdBy: actor, createdAt: now }));
      if (!version.sent_at) version = await this.reports.markSent(tx, version.id, await this.generate(row, kind, version.version, now, version.edits), now);
      const regimes = kind === 'initial' ? [...new Set(body.regimes ?? this.config.reporting.regimes)] : [];
      const submission = await this.reports.addSubmission(tx, {
        reportId: version.id,
        incidentId: id,
        kind,
        recipient: body.recipient,
        channel: body.channel,
        reference: body.reference ?? null,
        regimes,
        submittedBy: actor,
        submittedAt: now,
      });
      const details = { kind, version: version.version, number: version.content!.number, submissionId: submission.id, recipient: body.recipient, channel: body.channel, reference: body.reference ?? null, regimes };
      await this.record(tx, row, actor, 'report_submitted', details);
      return version;
    });
    return this.view(row, kind, sent, await this.reports.submissions(id, kind));
  }

  /** Records the recipient's acknowledgement of a submission (the latest unacknowledged one by default). */
  async acknowledge(principal: Principal, { id, kind }: ReportParams, body: AcknowledgeReportRequestBody): Promise<ReportSubmissionView> {
    const { created: acked } = await this.locked(principal, id, async (row, tx, actor) => {
      const submissions = await this.reports.submissions(id, kind, tx);
      const target = body.submissionId ? submissions.find((s) => s.id === body.submissionId) : [...submissions].reverse().find((s) => !s.acknowledged_at);
      if (body.submissionId && !target) throw new SocError(ErrorCode.NotFound, 'no such submission of this report');
      if (!target) throw new SocError(ErrorCode.Conflict, submissions.length === 0 ? `the ${kind} report has not been sent yet` : `every ${kind} report sent is already acknowledged`);
      if (target.acknowledged_at) throw new SocError(ErrorCode.Conflict, `already acknowledged by ${target.acknowledged_by} at ${target.acknowledged_at.toISOString()}`);
      const updated = await this.reports.acknowledge(tx, target.id, { by: body.by, reference: body.reference ?? null, at: this.clock.now(), recordedBy: actor });
      const details = { kind, version: updated.version, submissionId: updated.id, recipient: updated.recipient, by: body.by, reference: body.reference ?? null };
      await this.record(tx, row, actor, 'report_acknowledged', details);
      return updated;
    });
    return toSubmissionView(acked);
  }

  /** The report as generated from the incident now, with a version's edits. */
  private async generate(row: IncidentRow, kind: ReportKind, version: number, date: Date, edits: ReportEdits): Promise<ReportContent> {
    const [systems, providers, explanations, observables, timeline] = await Promise.all([
      this.facts.systems(row.system_ids),
      this.facts.providers(row.system_ids, row.created_at),
      this.facts.explanations(row.id),
      this.incidents.observables(row.id),
      kind === 'closing' ? this.incidents.timeline(row.id, TIMELINE_FOR_CLOSING) : Promise.resolve([]),
    ]);
    return buildReportContent({
      kind,
      version,
      date,
      timeZone: this.config.timeZone,
      organization: { authority: this.config.province.authority, province: this.config.province.name },
      contact: this.config.reporting.contact,
      incident: {
        id: row.id,
        ref: incidentRef(row.number),
        title: row.title,
        state: row.state,
        resolution: row.resolution,
        category: row.category,
        serious: row.serious,
        securityLevel: row.security_level,
        detectedAt: row.created_at,
        resolvedAt: row.resolved_at,
      },
      systems,
      providers,
      explanations,
      ips: observables.filter((o) => o.type === 'ip').map((o) => o.value),
      domains: observables.filter((o) => o.type === 'domain').map((o) => o.value),
      timeline,
      edits,
    });
  }

  private async view(row: IncidentRow, kind: ReportKind, version: ReportVersionRow | undefined, submissions: readonly SubmissionRow[]): Promise<IncidentReportView> {
    // A draft carries today's date: the date it would have if sent now.
    const report = version?.content ?? (await this.generate(row, kind, version?.version ?? 1, this.clock.now(), version?.edits ?? {}));
    return { ...this.versionView(row, kind, version, submissions), incidentId: row.id, report };
  }

  private versionView(row: IncidentRow, kind: ReportKind, version: ReportVersionRow | undefined, submissions: readonly SubmissionRow[]): ReportVersionView {
    const number = version?.version ?? 1;
    return {
      kind,
      version: number,
      number: reportNumber(incidentRef(row.number), kind, number),
      status: version?.sent_at ? 'sent' : 'draft',
      saved: version !== undefined,
      createdBy: version?.created_by ?? null,
      createdAt: version?.created_at.toISOString() ?? null,
      sentAt: version?.sent_at?.toISOString() ?? null,
      edits: version?.edits ?? {},
      submissions: submissions.filter((s) => s.version === number).map(toSubmissionView),
    };
  }

  /** An edit names the version it was made on: a sent one is frozen, an older one was overtaken. */
  private checkBase(base: number, latest: ReportVersionRow | undefined, versions: readonly ReportVersionRow[]): void {
    const named = versions.find((v) => v.version === base);
    if (named?.sent_at) {
      throw new SocError(ErrorCode.Conflict, `version ${base} was sent on ${named.sent_at.toISOString()} and cannot be edited; send the edit without version to start version ${(latest?.version ?? 0) + 1}`);
    }
    if (base !== (latest?.version ?? 1)) throw new SocError(ErrorCode.Conflict, `version ${base} is not the latest (${latest?.version ?? 1}); read the report again`);
  }

  private async visible(principal: Principal, id: string): Promise<IncidentRow> {
    const row = await this.incidents.get(principal.scope, id);
    if (!row) throw new SocError(ErrorCode.NotFound, NOT_FOUND);
    return row;
  }

  /** Locks the incident within the caller's scope and runs the change in one transaction. */
  private locked<T>(principal: Principal, id: string, change: (row: IncidentRow, tx: Tx, actor: string) => Promise<T>): Promise<{ row: IncidentRow; created: T }> {
    return this.transactions.run(async (tx) => {
      const row = await this.incidents.get(principal.scope, id, tx);
      if (!row) throw new SocError(ErrorCode.NotFound, NOT_FOUND);
      if (row.merged_into) throw new SocError(ErrorCode.Conflict, `incident was merged into ${row.merged_into}; report on that one`);
      return { row, created: await change(row, tx, actorOf(principal)) };
    });
  }

  private async record(tx: Tx, row: IncidentRow, actor: string, kind: string, details: Record<string, unknown>): Promise<void> {
    await this.incidents.appendTimeline(tx, [{ incidentId: row.id, actor, kind, details }]);
    await this.audit.record({ actor, action: `incidents.${kind}`, target: `incident:${row.id}`, agencyId: row.agency_id, details }, tx);
  }
}
