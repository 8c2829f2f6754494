import { createHash } from 'node:crypto';
import {
  compileCorrelations,
  compileDocuments,
  CorrelationEngine,
  CorrelationEngineOptions,
  CorrelationRule,
  correlationRuleId,
  loadCorrelationText,
  loadSigmaText,
  PlaceholderValues,
  RuleSet,
  SigmaDocument,
} from '@soc/sigma';
import { RuleInfo, ruleIdOf, severityOf } from './rule-info';

/** One rule file's text and where it came from (a path, or `db:<id>@<version>`). */
export interface RuleSource {
  origin: string;
  text: string;
}

/** A rule that did not load or compile, and why; shown at load time, never silently skipped. */
export interface ContentIssue {
  origin?: string;
  ruleId?: string;
  title?: string;
  reason: string;
}

/** Every correlation groups by agency first: an alert must belong to one agency, whatever its rule says. */
export const AGENCY_FIELD = 'soc.agency_id';

/**
 * The compiled detection content: Sigma detection rules in a pre-filtered rule set, correlation rules
 * ready to instantiate an engine (one per stream), and what each rule is, for alerts.
 */
export class DetectionContent {
  private constructor(
    readonly ruleSet: RuleSet,
    private readonly correlationRules: readonly CorrelationRule[],
    private readonly detectionRefs: ReadonlyArray<{ id: string; name?: string }>,
    readonly rules: ReadonlyMap<string, RuleInfo>,
    readonly issues: readonly ContentIssue[],
    /** Same sources, same version: stream state built by one version is kept by the next only if its rules are unchanged. */
    readonly version: string,
    /** Detection rules that only feed correlations (`generate: false`) and raise no alert of their own. */
    readonly correlationOnly: ReadonlySet<string>,
  ) {
    this.correlationAlertIds = new Map(correlationRules.map((rule) => [correlationRuleId(rule), ruleIdOf(rule)]));
  }

  get hasCorrelations(): boolean {
    return this.correlationRules.length > 0;
  }

  /** The alert rule id of a correlation match (matches name their rule by Sigma id, else name). */
  alertRuleIdOfCorrelation(matchRuleId: string): string {
    return this.correlationAlertIds.get(matchRuleId) ?? matchRuleId;
  }

  private readonly correlationAlertIds: ReadonlyMap<string, string>;

  static compile(sources: readonly RuleSource[], placeholders: PlaceholderValues = {}): DetectionContent {
    const issues: ContentIssue[] = [];
    const documents: SigmaDocument[] = [];
    const correlations: CorrelationRule[] = [];
    for (const { origin, text } of sources) {
      const correlationPart = loadCorrelationText(text, origin);
      correlations.push(...correlationPart.rules);
      for (const issue of correlationPart.issues) issues.push({ origin, ...pick(issue), reason: issue.reason.message });
      const others = new Set(correlationPart.otherDocuments);
      const detectionPart = loadSigmaText(text, origin);
      documents.push(...detectionPart.documents);
      // Correlation documents are the correlation loader's; the detection loader's word on them is moot.
      for (const issue of detectionPart.issues) if (others.has(issue.index)) issues.push({ origin, ...pick(issue), reason: issue.reason.message });
    }
    const compiled = compileDocuments(documents, { placeholders });
    for (const { rule, reasons } of compiled.failures) issues.push({ origin: rule.origin, ruleId: ruleIdOf(rule), title: rule.title, reason: reasons.map((r) => r.message).join('; ') });
    for (const { filter, reason } of compiled.filterIssues) issues.push({ title: filter.title, reason: reason.message });

    // Alerts carry the rule id: two rules under one id would be indistinguishable, so the later one is refused.
    const firstOrigin = new Map<string, string | undefined>();
    const detection = compiled.rules.filter(({ rule }) => {
      const ruleId = ruleIdOf(rule);
      if (!firstOrigin.has(ruleId)) {
        firstOrigin.set(ruleId, rule.origin);
        return true;
      }
      issues.push({ origin: rule.origin, ruleId, title: rule.title, reason: `duplicate rule id ${ruleId} (first loaded from ${firstOrigin.get(ruleId) ?? 'elsewhere'}); this one is ignored` });
      return false;
    });
    const rules = new Map<string, RuleInfo>(detection.map(({ rule }) => [ruleIdOf(rule), infoOf(rule, 'detection')]));
    const detectionRefs = detection.map(({ rule }) => ({ id: rule.id ?? ruleIdOf(rule), ...(rule.name ? { name: rule.name } : {}) }));
    const grouped = correlations.map(groupedByAgency).filter((rule) => {
      if (!rules.has(ruleIdOf(rule))) return true;
      issues.push({ ruleId: ruleIdOf(rule), title: rule.title, reason: `duplicate rule id ${ruleIdOf(rule)}: a detection rule has it; this correlation is ignored` });
      return false;
    });
    const trial = compileCorrelations(grouped, detectionRefs);
    for (const { ruleId, title, reason } of trial.rejected) issues.push({ ruleId, title, reason: reason.message });
    for (const { rule } of trial.correlations) rules.set(ruleIdOf(rule), infoOf(rule, 'correlation'));
    const version = createHash('sha256')
      .update(JSON.stringify([sources.map((s) => [s.origin, s.text]), placeholders]))
      .digest('hex')
      .slice(0, 16);
    const correlationOnly = new Set(trial.correlationOnlyDetectionRules);
    // The engine shows nothing of a correlation-only rule's matches but the rule (see DetectionEngine.ruleMatch),
    // so detection does not build their explanations; `ruleSet.evaluate` (rule tests) still explains every rule.
    const ruleSet = new RuleSet(detection, { explains: (compiled) => !correlationOnly.has(compiled.id ?? ruleIdOf(compiled.rule)) });
    return new DetectionContent(ruleSet, grouped, detectionRefs, rules, issues, version, correlationOnly);
  }

  /** A fresh correlation engine over this content's correlations (one per stream, as state is per stream). */
  correlationEngine(options: Partial<CorrelationEngineOptions>): CorrelationEngine {
    return compileCorrelations(this.correlationRules, this.detectionRefs, options);
  }

  /** The info of a detection rule as alerts show it. */
  info(ruleId: string): RuleInfo | undefined {
    return this.rules.get(ruleId);
  }
}

function infoOf(
  rule: { name?: string; id?: string; title: string; description?: string; level?: string; tags: readonly string[]; author?: string; references?: readonly string[]; origin?: string },
  kind: RuleInfo['kind'],
): RuleInfo {
  return {
    ruleId: ruleIdOf(rule),
    sigmaId: rule.id,
    title: rule.title,
    description: rule.description,
    severity: severityOf(rule.level),
    tags: rule.tags,
    author: rule.author,
    references: rule.references ?? [],
    kind,
    origin: rule.origin,
  };
}

function pick(issue: { id?: string; title?: string }): Pick<ContentIssue, 'ruleId' | 'title'> {
  return { ...(issue.id ? { ruleId: issue.id } : {}), ...(issue.title ? { title: issue.title } : {}) };
}

/** Adds the agency in front of the rule's own group-by (aliases keep working: the agency field is the same in every rule). */
function groupedByAgency(rule: CorrelationRule): CorrelationRule {
  return rule.groupBy.includes(AGENCY_FIELD) ? rule : { ...rule, groupBy: [AGENCY_FIELD, ...rule.groupBy] };
}
