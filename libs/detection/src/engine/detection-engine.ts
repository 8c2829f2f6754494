import { isoStringAt, isoStringMs, type SecurityEvent } from '@soc/parsers';
import type { CorrelationEngine, CorrelationInput, CorrelationMatch, CorrelationOutput, SigmaMatch } from '@soc/sigma';
import type { AlertFinding } from '../alert-finding';
import { AGENCY_FIELD, DetectionContent } from '../content/detection-content';
import { ruleIdOf } from '../content/rule-info';
import type { StoredEvent } from '../stored-event';
import type { DetectionContext, IntelHitLike, RuleException } from './detection-context';
import type { DetectionState, MatchedSelection } from './detection-state';
import { correlationEntities } from './correlation-entities';
import { correlationInput, ENTITY_FACETS, LISTED_ENTITIES } from './correlation-input';
import { eventField, NO_AGENCY } from './event-fields';
import { FindingBatch } from './finding-batch';
import { OpenAlerts } from './open-alerts';

export interface DetectionOptions {
  /** How late (event time) an event may arrive and still be correlated. */
  latenessMs: number;
  /** A repeat of a single-event alert within this long (event time) updates it instead of raising a new one. */
  suppressionMs: number;
  /** Events stamped further ahead of the clock than this are stored and matched, but do not move event time. */
  futureToleranceMs: number;
  maxEventIds: number;
  /** Open single-event alerts remembered per stream. */
  maxOpenAlerts: number;
  /** Open correlation groups per rule and stream. */
  maxGroupsPerRule: number;
}

export const DEFAULT_DETECTION_OPTIONS: DetectionOptions = {
  latenessMs: 60_000,
  suppressionMs: 3_600_000,
  futureToleranceMs: 300_000,
  maxEventIds: 50,
  maxOpenAlerts: 50_000,
  maxGroupsPerRule: 100_000,
};

/** Something about detection itself an operator should see (state caps hit, late or future events). */
export interface DetectionHealth {
  kind: 'state_cap' | 'late_events' | 'future_events';
  ruleId?: string;
  count: number;
}

export interface DetectionOutcome {
  findings: AlertFinding[];
  health: DetectionHealth[];
}

export const INTEL_RULE = { ruleId: 'soc.intel.match', title: 'Kết nối tới địa chỉ/tên miền trong danh sách mối đe dọa (threat-intel match)' };

/**
 * Evaluates a batch of stored events: every Sigma detection rule (through the rule set's pre-filter),
 * threat intel, and the correlations over the detection matches, on event time. Pure: the same events,
 * state, content and context give the same findings; the state is plain JSON, checkpointed by the caller.
 */
export class DetectionEngine {
  private readonly openAlerts: OpenAlerts;
  /** Per stream, the correlation engine built from the state object it last worked on. */
  private readonly correlators = new Map<string, { state: DetectionState; engine: CorrelationEngine }>();

  constructor(
    readonly content: DetectionContent,
    readonly options: DetectionOptions = DEFAULT_DETECTION_OPTIONS,
  ) {
    this.openAlerts = new OpenAlerts({ suppressionMs: options.suppressionMs, maxEventIds: options.maxEventIds, maxOpen: options.maxOpenAlerts });
  }

  evaluate(events: readonly StoredEvent[], state: DetectionState, scope: string, context: DetectionContext): DetectionOutcome {
    const findings = new FindingBatch();
    const health: DetectionHealth[] = [];
    const inputs: CorrelationInput[] = [];
    const future = this.scan(events, state, scope, context, findings, inputs);
    if (future > 0) {
      state.futureEvents += future;
      health.push({ kind: 'future_events', count: future });
    }
    if (this.content.hasCorrelations) this.correlate(inputs, state, scope, context, findings, health);
    this.openAlerts.prune(state);
    return { findings: findings.list(), health };
  }

  /**
   * The per-event part of `evaluate`: rule and intel matches, event time, and the correlation inputs.
   * Returns how many events claimed a time too far ahead. Its own method so that the loop is optimized on
   * its own (inside one long method, V8 entered it by on-stack replacement and fell back at its end every batch).
   */
  private scan(events: readonly StoredEvent[], state: DetectionState, scope: string, context: DetectionContext, findings: FindingBatch, inputs: CorrelationInput[]): number {
    const futureLimit = context.now.getTime() + this.options.futureToleranceMs;
    let future = 0;
    // Indexed loops: iterating `detect`'s lists (some frozen and shared) with for…of left an iterator result
    // per event that V8 did not optimize away.
    for (let index = 0; index < events.length; index += 1) {
      const { id, event } = events[index]!;
      const timestamp = isoStringMs(event['@timestamp']);
      // Correlation-only rules' matches come without explanations: they feed correlations, which read only the rule.
      const matches = this.content.ruleSet.detect(event);
      for (let m = 0; m < matches.length; m += 1) this.ruleMatch(matches[m]!, id, timestamp, event, state, scope, context, findings);
      // Without intel there is nothing to look up (and no empty list to make per event).
      if (context.intel) for (const hit of context.intel.matches(event, context.now)) this.intelHit(hit, id, timestamp, event, state, scope, context, findings);
      if (timestamp > futureLimit) {
        future += 1;
        continue;
      }
      // A record that carried no time of its own is stamped with its receipt time: that says nothing about
      // how far the stream's event time has come (a replay of yesterday would otherwise turn late at once).
      if (event['@timestamp'] !== event.event.ingested) state.maxEventTime = Math.max(state.maxEventTime, timestamp);
      if (matches.length > 0 && this.content.hasCorrelations) inputs.push(correlationInput(id, timestamp, event, matches));
    }
    return future;
  }

  /** The batch's correlation inputs through the stream's correlation engine, then its windows moved on. */
  private correlate(inputs: readonly CorrelationInput[], state: DetectionState, scope: string, context: DetectionContext, findings: FindingBatch, health: DetectionHealth[]): void {
    const engine = this.correlatorFor(state, scope);
    const processed = engine.process(inputs);
    // Event time is the stream's, not only that of events some rule matched: a busy stream of other events
    // still moves windows on. With no lateness budget there is nothing to wait for: judge up to the newest event.
    const watermark = this.options.latenessMs === 0 ? state.maxEventTime + 1 : state.maxEventTime - this.options.latenessMs;
    this.collect([processed, engine.advance(watermark)], scope, context, findings, health);
    state.lateEvents = engine.stats().late;
    state.correlation = engine.snapshot();
  }

  /**
   * Called when the stream has been quiet for the lateness budget (wall clock): nothing older than its
   * newest event can still be on time, so windows up to it are judged now instead of when the next event comes.
   */
  flushIdle(state: DetectionState, scope: string, context: DetectionContext): DetectionOutcome {
    const findings = new FindingBatch();
    const health: DetectionHealth[] = [];
    if (!this.content.hasCorrelations || state.maxEventTime === 0) return { findings: [], health };
    const engine = this.correlatorFor(state, scope);
    this.collect([engine.advance(state.maxEventTime + 1)], scope, context, findings, health);
    state.correlation = engine.snapshot();
    return { findings: findings.list(), health };
  }

  /** Whether the stream's correlations hold events not yet judged (an idle flush would do something). */
  hasPending(state: DetectionState): boolean {
    const pending = state.correlation?.rules;
    return pending !== undefined && Object.values(pending).some((rule) => rule.pending.length > 0);
  }

  private correlatorFor(state: DetectionState, scope: string): CorrelationEngine {
    const cached = this.correlators.get(scope);
    if (cached?.state === state) return cached.engine;
    const engine = this.content.correlationEngine({
      latenessMs: this.options.latenessMs,
      maxEventIds: this.options.maxEventIds,
      maxGroupsPerRule: this.options.maxGroupsPerRule,
      facets: ENTITY_FACETS,
      maxFacetValues: LISTED_ENTITIES,
    });
    // Rules whose meaning changed since the snapshot restart empty; the others keep their open windows.
    if (state.correlation) engine.restore(state.correlation);
    this.correlators.set(scope, { state, engine });
    return engine;
  }

  private ruleMatch(match: SigmaMatch, id: string, timestamp: number, event: SecurityEvent, state: DetectionState, scope: string, context: DetectionContext, findings: FindingBatch): void {
    const ruleId = ruleIdOf(match.rule);
    if (this.content.correlationOnly.has(match.rule.id ?? ruleId)) return; // nothing of it is shown (and `detect` left it unexplained)
    const agencyId = event.soc.agency_id ?? null;
    if (context.isEnabled?.(ruleId, agencyId) === false || excepted(context, ruleId, agencyId, (field) => eventField(event, field))) return;
    const selections = explainSelections(match);
    const key = `${ruleId}|${agencyId ?? NO_AGENCY}|${event.host?.name ?? event.observer?.name ?? ''}|${event.source?.ip ?? ''}`;
    const explanation = `${match.rule.title}: ${selections.map((s) => (s.field ? `${s.field}=${s.value ?? 'null'}` : `keyword ${s.value ?? ''}`)).join(', ')}`;
    const { change, alert } = this.openAlerts.record(state, scope, { key, ruleId, eventId: id, timestamp, event, explanation, matches: selections });
    findings.add(this.openAlerts.toFinding(change, alert, this.content.info(ruleId), 'rule'));
  }

  private intelHit(hit: IntelHitLike, id: string, timestamp: number, event: SecurityEvent, state: DetectionState, scope: string, context: DetectionContext, findings: FindingBatch): void {
    const agencyId = event.soc.agency_id ?? null;
    const { ruleId, title } = INTEL_RULE;
    if (context.isEnabled?.(ruleId, agencyId) === false || excepted(context, ruleId, agencyId, (field) => (field === hit.field ? hit.value : eventField(event, field)))) return;
    const { indicator } = hit;
    const key = `${ruleId}|${agencyId ?? NO_AGENCY}|${indicator.type}:${indicator.value}`;
    const explanation = `${hit.field}=${hit.value} is in threat-intel list '${indicator.listName}' (${indicator.type} ${indicator.value})`;
    const { change, alert } = this.openAlerts.record(state, scope, {
      key,
      ruleId,
      eventId: id,
      timestamp,
      event,
      explanation,
      matches: [{ selection: indicator.listId, field: hit.field, value: hit.value }],
      indicator: { listId: indicator.listId, listName: indicator.listName, type: indicator.type, value: indicator.value, description: indicator.description },
      severity: indicator.severity,
    });
    const info = { ruleId, title, severity: indicator.severity, tags: ['attack.command_and_control'], references: [], kind: 'detection' as const };
    findings.add(this.openAlerts.toFinding(change, alert, info, 'intel'));
  }

  /** Health and matches of one batch's correlation calls; a match changed by several is turned into a finding once. */
  private collect(outputs: readonly CorrelationOutput[], scope: string, context: DetectionContext, findings: FindingBatch, health: DetectionHealth[]): void {
    const latest = new Map<string, CorrelationOutput['matches'][number]>();
    for (const output of outputs) {
      for (const event of output.health) {
        if (event.kind === 'state_cap') health.push({ kind: 'state_cap', ruleId: event.ruleId, count: event.dropped });
        else health.push({ kind: 'late_events', ruleId: event.ruleId, count: event.count });
      }
      for (const change of output.matches) {
        const earlier = latest.get(change.match.key);
        latest.set(change.match.key, earlier?.change === 'created' ? { ...change, change: 'created' } : change);
      }
    }
    for (const { change, match } of latest.values()) {
      const finding = this.correlationFinding(change, match, scope);
      const agencyId = finding.entities.agencyId;
      if (context.isEnabled?.(finding.ruleId, agencyId) === false || excepted(context, finding.ruleId, agencyId, (field) => match.groupBy[field])) continue;
      findings.add(finding);
    }
  }

  private correlationFinding(change: 'created' | 'updated', match: CorrelationMatch, scope: string): AlertFinding {
    const ruleId = this.content.alertRuleIdOfCorrelation(match.ruleId);
    const info = this.content.info(ruleId);
    // One pass over the group-by values: the agency apart, the others shown in order. Built member by
    // member rather than with rest/spread literals, which V8 builds slowly (see @soc/parsers plain-object.ts);
    // this runs for every open burst a batch extends.
    const groupBy: Record<string, string> = {};
    let agency: string | undefined;
    let by = '';
    for (const field of Object.keys(match.groupBy)) {
      const value = match.groupBy[field]!;
      if (field === AGENCY_FIELD) {
        agency = value;
        continue;
      }
      groupBy[field] = value;
      by += `${by ? ', ' : ''}${field}=${value}`;
    }
    const seconds = Math.round((match.lastEventAt - match.firstEventAt) / 1000);
    const measure = match.valueCount !== undefined ? `${match.valueCount} distinct values over ${match.eventCount} events` : `${match.eventCount} events`;
    const order = match.orderedRules ? ` (${match.orderedRules.join(' → ')})` : '';
    const agencyId = agency === undefined || agency === NO_AGENCY ? null : agency;
    const entities = correlationEntities(groupBy, match.facets, agencyId);
    const finding: AlertFinding = {
      change,
      fingerprint: `${ruleId}|${scope}|${match.key}`,
      ruleId,
      title: info?.title ?? match.title,
      severity: info?.severity ?? 'medium',
      tags: [...match.tags],
      entities,
      firstSeen: isoStringAt(match.firstEventAt),
      lastSeen: isoStringAt(match.lastEventAt),
      eventCount: match.eventCount,
      // The engine hands each reported match a list of its own, and the match goes no further than here: no copy.
      eventIds: match.eventIds,
      explanation: `${match.type}: ${measure}${order}${by ? ` with ${by}` : ''} in ${seconds} s`,
      kind: 'correlation',
    };
    // Added, not spread in (a conditional spread takes V8's slow path): the members keep this order.
    if (match.author) finding.author = match.author;
    finding.groupBy = groupBy;
    return finding;
  }
}

function explainSelections(match: SigmaMatch): MatchedSelection[] {
  return match.selections.flatMap((selection) => selection.fields.map((f) => ({ selection: selection.name, field: f.field, value: f.value })));
}

/** An unexpired exception of this rule (for this agency, or all) holding the value the event has in its field. */
function excepted(context: DetectionContext, ruleId: string, agencyId: string | null, valueOf: (field: string) => string | number | undefined): RuleException | undefined {
  if (!context.exceptions?.length) return undefined;
  const now = context.now.getTime();
  return context.exceptions.find((e) => {
    if (e.ruleId !== ruleId || (e.agencyId !== null && e.agencyId !== agencyId) || (e.expiresAt && e.expiresAt.getTime() <= now)) return false;
    const value = valueOf(e.field);
    return value !== undefined && e.values.includes(String(value));
  });
}
