import { Inject, Injectable } from '@nestjs/common';
import { AlertsRepository } from '@soc/alerts';
import { AuditTrail } from '@soc/audit';
import { actorOf, Permission, permissionsOf, type Principal, UsersService } from '@soc/auth';
import { EventPage, EventsSearchRepository } from '@soc/events';
import { OutboxRepository } from '@soc/realtime';
import { CLOCK, type Clock, ErrorCode, PRIORITIES, SOC_CONFIG, type SocConfig, SocError } from '@soc/shared';
import { TransactionRunner, Tx } from '@soc/storage';
import { IncidentAssessor } from './incident-assessor';
import { decodeIncidentCursor, encodeIncidentCursor, ListIncidentsQuery, sortTime } from './incident-list';
import { tallyObservables } from './incident-observables';
import {
  AddTaskRequestBody,
  BulkRequestBody,
  BulkResultView,
  IncidentEventsQuery,
  MergeRequestBody,
  MetricsQuery,
  SetSeriousRequestBody,
  SplitRequestBody,
  TransitionRequestBody,
  UpdateIncidentRequestBody,
  UpdateTaskRequestBody,
} from './incident.requests';
import { IncidentChange, IncidentDetail, IncidentPage, IncidentSummary, ResponseMetricsView, ResponseTimesView, TaskView } from './incident.view';
import { IncidentPatch, IncidentRow, IncidentsRepository, ResponseTimesRow, TimelineEntry, toIncidentSummary } from './incidents.repository';
import { incidentMessages } from './incident-messages';
import { allowedTransitions, assessSeriousness, planTransition, slaDueTimes } from './pure';
import { IncidentReportsRepository, incidentDeadlines } from './reports';

const NOT_FOUND = 'no such incident';
/** Enough for any incident a person reads; the alert list of a bigger one is its first alerts. */
const DETAIL_ALERTS = 1000;
const DETAIL_TIMELINE = 2000;

/** What one workflow action does to a locked incident. */
interface ActionOutcome {
  patch?: IncidentPatch;
  timeline: Array<Omit<TimelineEntry, 'incidentId' | 'actor'>>;
  audit: { action: string; details: Record<string, unknown> };
  /** Re-derive priority, SLA and the serious flag afterwards (facts changed). */
  reassess?: boolean;
}

/**
 * The incident response workflow. Every action locks the incident, checks the caller's agency scope, and
 * commits its change, timeline entries, live message and audit record together.
 */
@Injectable()
export class IncidentsService {
  constructor(
    private readonly incidents: IncidentsRepository,
    private readonly alerts: AlertsRepository,
    private readonly eventStore: EventsSearchRepository,
    private readonly assessor: IncidentAssessor,
    private readonly reports: IncidentReportsRepository,
    private readonly users: UsersService,
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditTrail,
    private readonly transactions: TransactionRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
  ) {}

  async list(principal: Principal, query: ListIncidentsQuery): Promise<IncidentPage> {
    const { cursor, ...filter } = query;
    const rows = await this.incidents.list(principal.scope, { ...filter, after: cursor === undefined ? undefined : decodeIncidentCursor(cursor) });
    const items = rows.slice(0, query.limit);
    const last = rows.length > query.limit ? items[items.length - 1] : undefined;
    return {
      items: items.map(toIncidentSummary),
      nextCursor: last ? encodeIncidentCursor({ priority: last.priority, at: last[sortTime(query.sort)].toISOString(), id: last.id }) : null,
    };
  }

  async detail(principal: Principal, id: string): Promise<IncidentDetail> {
    const row = await this.incidents.get(principal.scope, id);
    if (!row) throw new SocError(ErrorCode.NotFound, NOT_FOUND);
    const [alerts, observables, timeline, tasks, initialReports] = await Promise.all([
      this.alerts.ofIncident(id, DETAIL_ALERTS),
      this.incidents.observables(id),
      this.incidents.timeline(id, DETAIL_TIMELINE),
      this.incidents.tasks(id),
      this.reports.initialSubmissions(id),
    ]);
    const deadlines = incidentDeadlines(row, initialReports, this.config.reporting.regimes, this.clock.now());
    return { ...toIncidentSummary(row), alerts, observables, timeline, tasks, allowedTransitions: [...allowedTransitions(row.state)], deadlines };
  }

  /** Mean times to acknowledge and resolve over incidents opened in the period, overall, per priority and per agency. */
  async metrics(principal: Principal, query: MetricsQuery): Promise<ResponseMetricsView> {
    const to = query.to ? new Date(query.to) : this.clock.now();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * 86_400_000);
    if (from >= to) throw new SocError(ErrorCode.ValidationFailed, 'from must be before to');
    const rows = await this.incidents.responseTimes(principal.scope, from, to);
    const view = (row: ResponseTimesRow | undefined): ResponseTimesView => ({
      incidents: Number(row?.incidents ?? 0),
      acknowledged: Number(row?.acknowledged ?? 0),
      resolved: Number(row?.resolved ?? 0),
      mttaMinutes: row?.mtta_minutes === null || row?.mtta_minutes === undefined ? null : Math.round(row.mtta_minutes * 10) / 10,
      mttrMinutes: row?.mttr_minutes === null || row?.mttr_minutes === undefined ? null : Math.round(row.mttr_minutes * 10) / 10,
      slaBreaches: Number(row?.sla_breaches ?? 0),
    });
    const byPriority = Object.fromEntries(PRIORITIES.map((p) => [p, view(rows.find((r) => r.g_priority === 0 && r.g_agency === 1 && r.priority === p))]));
    const byAgency = Object.fromEntries(rows.filter((r) => r.g_agency === 0).map((r) => [r.agency_id ?? '-', view(r)]));
    return { from: from.toISOString(), to: to.toISOString(), overall: view(rows.find((r) => r.g_priority === 1 && r.g_agency === 1)), byPriority, byAgency };
  }

  async events(principal: Principal, id: string, query: IncidentEventsQuery): Promise<EventPage> {
    if (!(await this.incidents.get(principal.scope, id))) throw new SocError(ErrorCode.NotFound, NOT_FOUND);
    return this.eventStore.search(principal.scope, { limit: query.limit, cursor: query.cursor }, id);
  }

  transition(principal: Principal, id: string, body: TransitionRequestBody): Promise<IncidentSummary> {
    return this.act(principal, id, (row) => {
      const outcome = planTransition(
        { state: row.state, resolution: row.resolution, acknowledgedAt: row.acknowledged_at, resolvedAt: row.resolved_at },
        { to: body.to, resolution: body.resolution },
        this.clock.now(),
      );
      if (!outcome.ok) throw new SocError(ErrorCode.Conflict, outcome.reason);
      const { plan } = outcome;
      const details = { from: row.state, to: plan.state, resolution: plan.resolution, ...(body.reason ? { reason: body.reason } : {}), ...(plan.reopened ? { reopened: true } : {}) };
      return {
        patch: { state: plan.state, resolution: plan.resolution, acknowledged_at: plan.acknowledgedAt, resolved_at: plan.resolvedAt, closed_at: plan.closedAt },
        timeline: [{ kind: 'transition', details }],
        audit: { action: 'incidents.transitioned', details },
      };
    });
  }

  async assign(principal: Principal, id: string, assigneeId: string | null): Promise<IncidentSummary> {
    if (assigneeId !== null) await this.requireResponder(assigneeId);
    return this.act(principal, id, (row) => {
      const details = { from: row.assignee_id, to: assigneeId };
      return { patch: { assignee_id: assigneeId }, timeline: [{ kind: 'assigned', details }], audit: { action: 'incidents.assigned', details } };
    });
  }

  comment(principal: Principal, id: string, text: string): Promise<IncidentSummary> {
    return this.act(principal, id, () => ({ timeline: [{ kind: 'comment', details: { text } }], audit: { action: 'incidents.commented', details: { length: text.length } } }));
  }

  update(principal: Principal, id: string, body: UpdateIncidentRequestBody): Promise<IncidentSummary> {
    return this.act(principal, id, (row) => {
      const patch: IncidentPatch = {};
      const timeline: ActionOutcome['timeline'] = [];
      if (body.title !== undefined && body.title !== row.title) {
        patch.title = body.title;
        timeline.push({ kind: 'title_set', details: { from: row.title, to: body.title } });
      }
      if (body.effects !== undefined) {
        patch.effects = [...new Set(body.effects)];
        timeline.push({ kind: 'effects_set', details: { from: row.effects, to: patch.effects } });
      }
      if (body.category !== undefined && body.category !== row.category) {
        patch.category = body.category;
        timeline.push({ kind: 'category_set', details: { from: row.category, to: body.category } });
      }
      // The two facts that start the "report immediately" clocks (QĐ 05 emergency report; NĐ 331 national security).
      if (body.exceedsCapacity !== undefined && body.exceedsCapacity !== row.exceeds_capacity) {
        patch.exceeds_capacity = body.exceedsCapacity;
        timeline.push({ kind: 'exceeds_capacity_set', details: { from: row.exceeds_capacity, to: body.exceedsCapacity } });
      }
      if (body.nationalSecurity !== undefined && body.nationalSecurity !== row.national_security) {
        patch.national_security = body.nationalSecurity;
        timeline.push({ kind: 'national_security_set', details: { from: row.national_security, to: body.nationalSecurity } });
      }
      if (timeline.length === 0) throw new SocError(ErrorCode.ValidationFailed, 'nothing to change: give a new title, effects, category, exceedsCapacity or nationalSecurity');
      return { patch, timeline, audit: { action: 'incidents.updated', details: { ...patch } }, reassess: true };
    });
  }

  /** A person's judgement overrides the computed flag until it is returned to computed (`serious: null`). */
  setSerious(principal: Principal, id: string, body: SetSeriousRequestBody): Promise<IncidentSummary> {
    return this.act(principal, id, async (row, tx) => {
      let patch: IncidentPatch;
      if (body.serious === null) {
        const computed = assessSeriousness({ securityLevel: row.security_level, nationallyImportant: await this.incidents.anyNationallyImportant(tx, row.system_ids), effects: row.effects });
        patch = { serious: computed.serious, serious_manual: false, serious_reason: computed.reason };
      } else {
        patch = { serious: body.serious, serious_manual: true, serious_reason: body.reason };
      }
      if (patch.serious && !row.serious) await this.assessor.openLevelReviews(tx, row, actorOf(principal));
      const details = { from: row.serious, to: patch.serious, manual: patch.serious_manual, reason: body.reason };
      return { patch, timeline: [{ kind: 'serious_set', details }], audit: { action: 'incidents.serious_set', details } };
    });
  }

  async addTask(principal: Principal, id: string, body: AddTaskRequestBody): Promise<TaskView> {
    if (body.assigneeId) await this.requireResponder(body.assigneeId);
    let task: TaskView | undefined;
    await this.act(principal, id, async (_row, tx) => {
      task = await this.incidents.addTask(tx, id, { title: body.title, assigneeId: body.assigneeId ?? null, dueAt: body.dueAt ?? null, createdBy: actorOf(principal) });
      const details = { taskId: task.id, title: task.title, assigneeId: task.assigneeId, dueAt: task.dueAt };
      return { timeline: [{ kind: 'task_added', details }], audit: { action: 'incidents.task_added', details } };
    });
    return task!;
  }

  async updateTask(principal: Principal, id: string, taskId: string, body: UpdateTaskRequestBody): Promise<TaskView> {
    if (body.status === undefined && body.assigneeId === undefined) throw new SocError(ErrorCode.ValidationFailed, 'nothing to change: give status or assigneeId');
    if (body.assigneeId) await this.requireResponder(body.assigneeId);
    let task: TaskView | undefined;
    await this.act(principal, id, async (_row, tx) => {
      const changed = await this.incidents.updateTask(tx, id, taskId, body);
      if (!changed) throw new SocError(ErrorCode.NotFound, 'no such task in this incident');
      task = changed.after;
      const details = { taskId, from: { status: changed.before.status, assigneeId: changed.before.assigneeId }, to: { status: task.status, assigneeId: task.assigneeId } };
      return { timeline: [{ kind: 'task_updated', details }], audit: { action: 'incidents.task_updated', details } };
    });
    return task!;
  }

  /** Folds other incidents of the same agency into this one: their alerts move here, they close as duplicates. */
  async merge(principal: Principal, id: string, body: MergeRequestBody): Promise<IncidentSummary> {
    const others = [...new Set(body.incidentIds)].filter((other) => other !== id);
    if (others.length === 0) throw new SocError(ErrorCode.ValidationFailed, 'incidentIds must name incidents other than this one');
    const changes: IncidentChange[] = [];
    const summary = await this.act(principal, id, async (target, tx) => {
      const sources: IncidentRow[] = [];
      for (const other of [...others].sort()) {
        const source = await this.incidents.get(principal.scope, other, tx);
        if (!source) throw new SocError(ErrorCode.NotFound, `no such incident: ${other}`);
        if (source.agency_id !== target.agency_id) throw new SocError(ErrorCode.Conflict, `incident ${other} belongs to another agency; incidents never span agencies`);
        if (source.merged_into) throw new SocError(ErrorCode.Conflict, `incident ${other} is already merged into ${source.merged_into}`);
        sources.push(source);
      }
      const moved = await this.alerts.moveToIncident(tx, others, id);
      const actor = actorOf(principal);
      for (const source of sources) {
        const closed = await this.incidents.update(tx, source.id, {
          merged_into: id,
          state: 'closed',
          resolution: 'duplicate',
          closed_at: this.clock.now(),
          resolved_at: source.resolved_at ?? this.clock.now(),
          acknowledged_at: source.acknowledged_at ?? this.clock.now(),
        });
        await this.incidents.addGroupKeys(tx, id, source.group_keys);
        await this.incidents.appendTimeline(tx, [{ incidentId: source.id, actor, kind: 'merged_into', details: { into: id } }]);
        changes.push({ change: 'updated', incident: toIncidentSummary(closed) });
      }
      await this.rebuildObservables(tx, [id]);
      const details = { merged: others, alertsMoved: moved.length };
      return { timeline: [{ kind: 'merged', details }], audit: { action: 'incidents.merged', details }, reassess: true };
    }, changes);
    return summary;
  }

  /** Moves some alerts of this incident to a new incident (same agency), which starts as new with its own SLA. */
  async split(principal: Principal, id: string, body: SplitRequestBody): Promise<IncidentSummary> {
    const changes: IncidentChange[] = [];
    let created: IncidentSummary | undefined;
    await this.act(principal, id, async (row, tx) => {
      const own = new Set((await this.alerts.ofIncident(id, Number.MAX_SAFE_INTEGER, tx)).map((a) => a.id));
      const wanted = [...new Set(body.alertIds)];
      const foreign = wanted.filter((alertId) => !own.has(alertId));
      if (foreign.length > 0) throw new SocError(ErrorCode.ValidationFailed, `alerts not in this incident: ${foreign.join(', ')}`);
      if (wanted.length === own.size) throw new SocError(ErrorCode.ValidationFailed, 'a split must leave at least one alert in this incident');
      const now = this.clock.now();
      const due = slaDueTimes(now, row.priority, this.config.incidents.sla);
      const fresh = await this.incidents.create(tx, {
        title: body.title ?? `${row.title} (tách)`,
        agencyId: row.agency_id,
        priority: row.priority,
        severity: row.severity,
        category: row.category,
        groupKeys: [],
        firstSeen: row.first_seen.toISOString(),
        lastSeen: row.last_seen.toISOString(),
        createdAt: now,
        acknowledgeBy: due.acknowledgeBy,
        resolveBy: due.resolveBy,
      });
      await this.alerts.moveToIncident(tx, [id], fresh.id, wanted);
      const [refreshed] = await this.incidents.refreshFromAlerts(tx, [fresh.id]);
      const reassessed = await this.assessor.reassess(tx, refreshed!, row.priority, actorOf(principal));
      await this.rebuildObservables(tx, [id, fresh.id]);
      await this.incidents.appendTimeline(tx, [{ incidentId: fresh.id, actor: actorOf(principal), kind: 'split_from', details: { from: id, alerts: wanted } }, ...reassessed.timeline]);
      created = toIncidentSummary(reassessed.row);
      changes.push({ change: 'created', incident: created });
      const details = { into: fresh.id, alerts: wanted };
      return { timeline: [{ kind: 'split', details }], audit: { action: 'incidents.split', details }, reassess: true };
    }, changes);
    return created!;
  }

  /** The same checks as one by one; each incident in its own transaction, so one refusal does not undo the others. */
  async bulk(principal: Principal, body: BulkRequestBody): Promise<BulkResultView[]> {
    if (body.action === 'assign' && !body.assigneeId) throw new SocError(ErrorCode.ValidationFailed, 'assign needs assigneeId');
    const results: BulkResultView[] = [];
    for (const id of [...new Set(body.ids)]) {
      try {
        if (body.action === 'acknowledge') await this.transition(principal, id, { to: 'acknowledged' });
        else if (body.action === 'assign') await this.assign(principal, id, body.assigneeId!);
        else await this.transition(principal, id, { to: 'closed', resolution: 'false_positive', reason: 'bulk: close as false positive' });
        results.push({ id, ok: true });
      } catch (error) {
        if (!(error instanceof SocError)) throw error;
        results.push({ id, ok: false, code: error.code, message: error.message });
      }
    }
    return results;
  }

  private async requireResponder(userId: string): Promise<void> {
    const user = await this.users.get(userId).catch((error: unknown) => {
      if (error instanceof SocError && error.code === ErrorCode.NotFound) throw new SocError(ErrorCode.ValidationFailed, `no such user: ${userId}`);
      throw error;
    });
    if (!permissionsOf(user.roles).has(Permission.IncidentsManage)) {
      throw new SocError(ErrorCode.ValidationFailed, `${user.username} cannot work on incidents (roles: ${user.roles.join(', ') || 'none'})`);
    }
  }

  private async rebuildObservables(tx: Tx, ids: readonly string[]): Promise<void> {
    for (const id of ids) await this.incidents.replaceObservables(tx, id, tallyObservables(await this.alerts.ofIncident(id, Number.MAX_SAFE_INTEGER, tx)));
  }

  /**
   * Locks the incident within the caller's scope, applies the action, and commits the change with its
   * timeline, live messages (this incident and any `also` changed on the way) and audit record.
   */
  private act(principal: Principal, id: string, action: (row: IncidentRow, tx: Tx) => ActionOutcome | Promise<ActionOutcome>, also: IncidentChange[] = []): Promise<IncidentSummary> {
    return this.transactions.run(async (tx) => {
      const row = await this.incidents.get(principal.scope, id, tx);
      if (!row) throw new SocError(ErrorCode.NotFound, NOT_FOUND);
      if (row.merged_into) throw new SocError(ErrorCode.Conflict, `incident was merged into ${row.merged_into}; work on that one`);
      const outcome = await action(row, tx);
      const actor = actorOf(principal);
      let current = outcome.patch && Object.keys(outcome.patch).length > 0 ? await this.incidents.update(tx, id, outcome.patch) : await this.incidents.update(tx, id, {});
      const timeline: TimelineEntry[] = outcome.timeline.map((entry) => ({ ...entry, incidentId: id, actor }));
      if (outcome.reassess) {
        const [refreshed] = await this.incidents.refreshFromAlerts(tx, [id]);
        const reassessed = await this.assessor.reassess(tx, refreshed ?? { ...current, previous_priority: current.priority }, refreshed?.previous_priority ?? current.priority, actor);
        current = reassessed.row;
        timeline.push(...reassessed.timeline);
      }
      await this.incidents.appendTimeline(tx, timeline);
      const summary = toIncidentSummary(current);
      await this.outbox.append(tx, incidentMessages([{ change: 'updated', incident: summary }, ...also]));
      await this.audit.record({ actor, action: outcome.audit.action, target: `incident:${id}`, agencyId: row.agency_id, details: outcome.audit.details }, tx);
      return summary;
    });
  }
}
