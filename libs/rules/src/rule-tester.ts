import { randomUUID } from 'node:crypto';
import { AlertFinding, DetectionEngine, emptyDetectionState, IntelMatcher, ruleIdOf, StoredEvent } from '@soc/detection';
import { parseRaw, SecurityEvent } from '@soc/parsers';

export interface LineVerdict {
  line: number;
  parsed: boolean;
  /** Why it could not be parsed (it would be a dead letter). */
  reason?: string;
  event?: SecurityEvent;
  /** Detection rules this event matches on its own, and on what. */
  matches: Array<{ ruleId: string; title: string; selections: Array<{ selection: string; field: string | null; value: string | null }> }>;
}

export interface RuleTestResult {
  lines: LineVerdict[];
  /** What the whole sample raises, correlations included, as if the lines arrived in this order on one stream. */
  alerts: AlertFinding[];
}

/**
 * Like wazuh-logtest: what parsing and detection make of some raw lines, without storing anything.
 * Correlations are judged at once (no lateness budget), so the lines' order is their arrival order.
 */
export function testRules(engine: DetectionEngine, rawLines: readonly string[], timeZone: string, now: Date, intel?: IntelMatcher): RuleTestResult {
  const stored: StoredEvent[] = [];
  const lines = rawLines.map((payload, index): LineVerdict => {
    const outcome = parseRaw({ sourceId: 'rules-test', receivedAt: now, transport: 'http', payload }, { timeZone });
    if (!outcome.ok) return { line: index + 1, parsed: false, reason: outcome.reason, matches: [] };
    stored.push({ id: randomUUID(), event: outcome.event });
    const matches = engine.content.ruleSet.evaluate(outcome.event).map((m) => ({
      ruleId: ruleIdOf(m.rule),
      title: m.rule.title,
      selections: m.selections.flatMap((s) => s.fields.map((f) => ({ selection: s.name, field: f.field, value: f.value }))),
    }));
    return { line: index + 1, parsed: true, event: outcome.event, matches };
  });
  const sandbox = new DetectionEngine(engine.content, { ...engine.options, latenessMs: 0 });
  const { findings } = sandbox.evaluate(stored, emptyDetectionState(), 'rules-test', { now, intel });
  return { lines, alerts: findings };
}
