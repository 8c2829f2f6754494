import { CorrelationReason, reason } from './correlation-reason';
import { CorrelationRule, correlationRuleId } from './correlation-rule';
import { CountRange, countRange, isMonotonic } from './count-condition';

/** What the correlation engine needs to know about a detection rule: how events name it in `matched`. */
export interface DetectionRuleRef {
  id: string;
  name?: string;
}

/** One entry of a correlation's `rules`, resolved. */
export interface CompiledReference {
  /** As written in the rule. */
  written: string;
  kind: 'detection' | 'correlation';
  /** The detection rule's id, or the referenced correlation's rule id. */
  target: string;
  /** Strings that name the target in `CorrelationInput.matched` (its id and name). */
  matchKeys: readonly string[];
  /** Per group-by entry, the field to read from this rule's events (aliases applied). */
  groupFields: readonly string[];
  /** value_count: the fields whose values are counted. */
  valueFields: readonly string[];
}

/**
 * `sliding`: monotonic conditions (only gt/gte) are checked on a window that slides with every event and
 * match as soon as they hold. `anchored`: conditions with an upper bound or eq are judged once, on the
 * whole window that starts at a group's first event, when the watermark closes it.
 */
export type EvaluationMode = 'sliding' | 'anchored';

export interface CompiledCorrelation {
  rule: CorrelationRule;
  ruleId: string;
  refs: readonly CompiledReference[];
  range: CountRange;
  mode: EvaluationMode;
  /** False when every correlation that references this one has `generate: false`: it only feeds them. */
  readonly emits: boolean;
  /** Correlations fed by this one's matches: their index in `order` and the reference index there. */
  consumers: readonly { correlation: number; ref: number }[];
  /** Changes when the rule's meaning changes, so a checkpoint of an older version is not reused. */
  fingerprint: string;
}

export interface CorrelationRejection {
  ruleId: string;
  title: string;
  reason: CorrelationReason;
}

export interface CorrelationPlan {
  /** Accepted correlations, every one after the correlations it references. */
  order: CompiledCorrelation[];
  rejected: CorrelationRejection[];
  /**
   * Detection rules referenced only by correlations with `generate: false`: per the specification they
   * feed the correlations and should not alert on their own.
   */
  correlationOnlyDetectionRules: string[];
}

interface Candidate {
  rule: CorrelationRule;
  ruleId: string;
  targets: { kind: 'detection' | 'correlation'; target: string; matchKeys: string[] }[];
}

/**
 * Resolves references (by id or name, to detection rules or other correlations), aliases and chains,
 * and orders the correlations so each runs after those it consumes. Problems become rejections.
 */
export function planCorrelations(rules: readonly CorrelationRule[], detectionRules: readonly DetectionRuleRef[]): CorrelationPlan {
  const rejected: CorrelationRejection[] = [];
  const reject = (rule: CorrelationRule, why: CorrelationReason): void => {
    rejected.push({ ruleId: correlationRuleId(rule), title: rule.title, reason: why });
  };

  const byId = new Map<string, CorrelationRule>();
  const unique: CorrelationRule[] = [];
  for (const rule of rules) {
    const ruleId = correlationRuleId(rule);
    if (ruleId === '') reject(rule, reason('missing-identity', 'a correlation needs an id or a name'));
    else if (byId.has(ruleId)) reject(rule, reason('duplicate-rule', `another correlation already has the id '${ruleId}'`));
    else {
      byId.set(ruleId, rule);
      unique.push(rule);
    }
  }

  const candidates = new Map<string, Candidate>();
  for (const rule of unique) {
    const resolved = resolveTargets(rule, unique, detectionRules);
    if ('code' in resolved) reject(rule, resolved);
    else candidates.set(correlationRuleId(rule), { rule, ruleId: correlationRuleId(rule), targets: resolved });
  }
  dropBrokenChains(candidates, reject);

  const compiled: CompiledCorrelation[] = [];
  const accepted = new Set<string>();
  for (const candidate of topologicalOrder(candidates)) {
    // Upstream rules come first, so a rejected upstream is known before its consumers.
    const rejectedUpstream = candidate.targets.find((t) => t.kind === 'correlation' && !accepted.has(t.target));
    if (rejectedUpstream) {
      reject(candidate.rule, reason('depends-on-rejected-rule', `references correlation '${rejectedUpstream.target}', which was rejected`));
      continue;
    }
    const refs = compileReferences(candidate, candidates);
    if ('code' in refs) {
      reject(candidate.rule, refs);
      continue;
    }
    const range = countRange(candidate.rule.condition);
    accepted.add(candidate.ruleId);
    compiled.push({
      rule: candidate.rule,
      ruleId: candidate.ruleId,
      refs,
      range,
      mode: isMonotonic(range) ? 'sliding' : 'anchored',
      emits: true,
      consumers: [],
      fingerprint: fingerprint(candidate.rule, refs),
    });
  }
  return link(compiled, rejected, detectionRules);
}

/** Wires each correlation to its consumers and applies `generate`. */
function link(compiled: CompiledCorrelation[], rejected: CorrelationRejection[], detectionRules: readonly DetectionRuleRef[]): CorrelationPlan {
  const position = new Map(compiled.map((correlation, index) => [correlation.ruleId, index]));
  const consumers = compiled.map((): { correlation: number; ref: number }[] => []);
  const referencedBy = new Map<string, CorrelationRule[]>();
  compiled.forEach((correlation, index) => {
    correlation.refs.forEach((ref, refIndex) => {
      referencedBy.set(ref.target, [...(referencedBy.get(ref.target) ?? []), correlation.rule]);
      const upstream = ref.kind === 'correlation' ? position.get(ref.target) : undefined;
      if (upstream !== undefined) consumers[upstream]!.push({ correlation: index, ref: refIndex });
    });
  });
  const onlyFeeds = (target: string): boolean => {
    const users = referencedBy.get(target);
    return users !== undefined && users.every((user) => !user.generate);
  };
  const order = compiled.map((correlation, index) => ({ ...correlation, consumers: consumers[index]!, emits: !onlyFeeds(correlation.ruleId) }));
  const correlationOnlyDetectionRules = detectionRules.filter((rule) => onlyFeeds(rule.id)).map((rule) => rule.id);
  return { order, rejected, correlationOnlyDetectionRules };
}

function resolveTargets(rule: CorrelationRule, correlations: readonly CorrelationRule[], detectionRules: readonly DetectionRuleRef[]): Candidate['targets'] | CorrelationReason {
  const targets: Candidate['targets'] = [];
  for (const written of rule.rules) {
    const detections = detectionRules.filter((d) => d.id === written || d.name === written);
    const chained = correlations.filter((c) => c.id === written || c.name === written);
    if (detections.length + chained.length === 0) return reason('unknown-rule-reference', `no detection or correlation rule has the id or name '${written}'`);
    if (detections.length + chained.length > 1) return reason('ambiguous-rule-reference', `'${written}' names more than one rule`);
    const detection = detections[0];
    if (detection) targets.push({ kind: 'detection', target: detection.id, matchKeys: detection.name ? [detection.id, detection.name] : [detection.id] });
    else targets.push({ kind: 'correlation', target: correlationRuleId(chained[0]!), matchKeys: [] });
  }
  if (new Set(targets.map((t) => t.target)).size !== targets.length) return reason('invalid-field', "'correlation.rules' names the same rule twice (by id and by name)");
  return targets;
}

/** Drops correlations in reference cycles and, transitively, those that reference a dropped one. */
function dropBrokenChains(candidates: Map<string, Candidate>, reject: (rule: CorrelationRule, why: CorrelationReason) => void): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const inCycle = new Set<string>();
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      for (const member of path.slice(path.indexOf(id))) inCycle.add(member);
      return;
    }
    state.set(id, 'visiting');
    for (const target of candidates.get(id)?.targets ?? []) {
      if (target.kind === 'correlation' && candidates.has(target.target)) visit(target.target, [...path, id]);
    }
    state.set(id, 'done');
  };
  for (const id of candidates.keys()) visit(id, []);
  for (const id of inCycle) {
    reject(candidates.get(id)!.rule, reason('reference-cycle', 'the correlation references itself through a chain'));
    candidates.delete(id);
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const [id, candidate] of candidates) {
      const missing = candidate.targets.find((t) => t.kind === 'correlation' && !candidates.has(t.target));
      if (!missing) continue;
      reject(candidate.rule, reason('depends-on-rejected-rule', `references correlation '${missing.target}', which was rejected`));
      candidates.delete(id);
      changed = true;
    }
  }
}

function topologicalOrder(candidates: Map<string, Candidate>): Candidate[] {
  const done = new Set<string>();
  const order: Candidate[] = [];
  const visit = (candidate: Candidate): void => {
    if (done.has(candidate.ruleId)) return;
    done.add(candidate.ruleId);
    for (const target of candidate.targets) {
      const upstream = target.kind === 'correlation' ? candidates.get(target.target) : undefined;
      if (upstream) visit(upstream);
    }
    order.push(candidate);
  };
  for (const candidate of candidates.values()) visit(candidate);
  return order;
}

/** Applies aliases: per referenced rule, which field holds each group-by value. */
function compileReferences(candidate: Candidate, candidates: Map<string, Candidate>): CompiledReference[] | CorrelationReason {
  const { rule } = candidate;
  const namesOf = (index: number): string[] => {
    const target = candidate.targets[index]!;
    const upstream = target.kind === 'correlation' ? candidates.get(target.target)?.rule : undefined;
    return [rule.rules[index]!, ...target.matchKeys, ...(upstream ? [upstream.id, upstream.name].filter((n): n is string => !!n) : [target.target])];
  };
  const aliasFieldFor: Record<string, (string | undefined)[]> = {};
  for (const [alias, mapping] of Object.entries(rule.aliases)) {
    const fields: (string | undefined)[] = rule.rules.map(() => undefined);
    for (const [ruleName, field] of Object.entries(mapping)) {
      const index = rule.rules.findIndex((_, i) => namesOf(i).includes(ruleName));
      if (index < 0) return reason('invalid-aliases', `alias '${alias}' names rule '${ruleName}', which the correlation does not reference`);
      fields[index] = field;
    }
    aliasFieldFor[alias] = fields;
  }
  const refs: CompiledReference[] = [];
  for (let index = 0; index < rule.rules.length; index += 1) {
    const groupFields: string[] = [];
    for (const groupField of rule.groupBy) {
      const aliased = aliasFieldFor[groupField];
      const field = aliased ? aliased[index] : groupField;
      if (field === undefined) return reason('invalid-aliases', `alias '${groupField}' has no field for rule '${rule.rules[index]}'`);
      groupFields.push(field);
    }
    const target = candidate.targets[index]!;
    refs.push({ written: rule.rules[index]!, kind: target.kind, target: target.target, matchKeys: target.matchKeys, groupFields, valueFields: rule.valueFields ?? [] });
  }
  return refs;
}

function fingerprint(rule: CorrelationRule, refs: readonly CompiledReference[]): string {
  return JSON.stringify([rule.type, rule.timespanMs, rule.condition, rule.groupBy, refs.map((r) => [r.target, r.groupFields, r.valueFields])]);
}
