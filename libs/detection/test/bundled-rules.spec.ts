import { join } from 'node:path';
import { readRuleSources, runRuleFixtures } from '@soc/detection';
import { parseAllDocuments } from 'yaml';

/** The bundled ruleset (rules/**) and its fixtures, replayed as `soc-cli rules test` does. */
const RULES = join(__dirname, '..', '..', '..', 'rules');
const report = runRuleFixtures(RULES);
const documents = readRuleSources(RULES).flatMap(({ origin, text }) =>
  parseAllDocuments(text).map((doc) => ({ origin, rule: doc.toJS() as Record<string, unknown> })),
);

const TACTICS = new Set([
  'reconnaissance', 'resource_development', 'initial_access', 'execution', 'persistence', 'privilege_escalation', 'defense_evasion',
  'credential_access', 'discovery', 'lateral_movement', 'collection', 'command_and_control', 'exfiltration', 'impact',
]);

describe('the bundled ruleset', () => {
  it('is there: one rule per file, every file read', () => {
    expect(report.results.length).toBeGreaterThanOrEqual(25);
    expect(documents).toHaveLength(report.files.length);
    expect(report.results).toHaveLength(report.files.length);
  });

  it('loads every rule with no issue', () => {
    expect(report.issues).toEqual([]);
    expect(report.results.filter((r) => !r.rule.loaded).map((r) => r.rule.ruleId)).toEqual([]);
  });

  it('has a positive and a negative fixture for every rule, and no fixture without its rule', () => {
    expect(report.withoutFixtures).toEqual([]);
    expect(report.orphanFixtures).toEqual([]);
  });

  it.each(report.results.map((r) => [r.rule.ruleId, r] as const))('%s: the positive fixture raises its alert, the negative one does not', (_ruleId, result) => {
    // Compared with the reasons, so a failure says which alerts appeared or were missing.
    expect({ positive: result.positive?.ok, negative: result.negative?.ok, reason: result.reason }).toEqual({ positive: true, negative: true, reason: result.reason });
    expect(result.positive?.deadLetters).toBe(0);
    expect(result.negative?.records).toBeGreaterThan(0);
  });

  it.each(documents.map(({ origin, rule }) => [origin, rule] as const))('%s: identity, attribution, ATT&CK tags and the metadata analysts read', (_origin, rule) => {
    expect(rule.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(rule.name).toMatch(/^soc\.[a-z]+\.[a-z0-9_]+$/);
    expect(rule.author).toBe('SOC tỉnh (provincial SOC)');
    // Vietnamese title with the English in parentheses.
    expect(rule.title).toMatch(/^[^(]*[^\x00-\x7f][^(]* \([^()]+\)$/);
    expect(typeof rule.description).toBe('string');
    expect(String(rule.date)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rule.status).toBe('stable');
    expect(['informational', 'low', 'medium', 'high', 'critical']).toContain(rule.level);
    expect(rule.falsepositives).toEqual(expect.arrayContaining([expect.any(String)]));
    const tags = rule.tags as string[];
    expect(tags.filter((t) => TACTICS.has(t.replace(/^attack\./, '')))).not.toEqual([]);
    expect(tags.filter((t) => /^attack\.t\d{4}(\.\d{3})?$/.test(t))).not.toEqual([]);
    expect(tags.filter((t) => !TACTICS.has(t.replace(/^attack\./, '')) && !/^attack\.t\d{4}(\.\d{3})?$/.test(t))).toEqual([]);
  });

  it('gives every rule its own id and name', () => {
    const ids = documents.map((d) => d.rule.id);
    const names = documents.map((d) => d.rule.name);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(names).size).toBe(names.length);
  });
});
