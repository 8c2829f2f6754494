import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { correlationRuleId, loadCorrelationText, loadSigmaText } from '@soc/sigma';
import type { AlertFinding } from '../alert-finding';
import { ContentIssue, DetectionContent, RuleSource } from '../content/detection-content';
import { ruleIdOf } from '../content/rule-info';
import { LineReplay, ReplayOptions, ReplayResult } from './replay';
import { readRuleSources } from './rule-files';

/**
 * The instant fixtures are replayed at: fixtures are dated before it, and year-less syslog stamps in
 * them resolve relative to it, so a fixture gives the same events whenever the test runs.
 */
export const FIXTURE_NOW = new Date('2026-12-01T00:00:00Z');
/** Fixtures of `rules/<folder>/<stem>.yml` are `rules/<folder>/fixtures/<stem>.positive.log` and `.negative.log`. */
export const FIXTURE_FOLDER = 'fixtures';
export const FIXTURE_KINDS = ['positive', 'negative'] as const;
export type FixtureKind = (typeof FIXTURE_KINDS)[number];

/**
 * In a fixture, a line of `#` alone or `#` and a blank is a comment, not a record. (IIS W3C directives
 * such as `#Fields:` have no blank after the `#`, so they stay records.)
 */
export const isFixtureComment = (line: string): boolean => /^#(\s|$)/.test(line);

/** One rule defined in a rule file, by the ids it goes by. */
export interface BundledRule {
  /** The id its alerts carry (its `name`, else Sigma `id`, else title). */
  ruleId: string;
  title: string;
  kind: 'detection' | 'correlation';
  /** Rule file, relative to the rules folder. */
  origin: string;
  /** Whether it compiled: a rule that did not is listed in the report's `issues` too. */
  loaded: boolean;
  /**
   * The alert rule ids whose alerts prove its fixtures: its own id when it alerts, else (a rule that
   * only feeds correlations) the alerting correlations it feeds, directly or through a chain.
   */
  provenBy: string[];
  tags: readonly string[];
  author?: string;
}

export interface FixtureOutcome {
  kind: FixtureKind;
  /** Path of the fixture file, relative to the rules folder. */
  file: string;
  ok: boolean;
  /** Why it passed or failed, in one line. */
  reason: string;
  records: number;
  deadLetters: number;
  /** Rule ids of every alert the fixture raised (any rule), with how many alerts each. */
  raised: Record<string, number>;
}

export interface RuleFixtureResult {
  rule: BundledRule;
  /** Absent when the fixture file is missing. */
  positive?: FixtureOutcome;
  negative?: FixtureOutcome;
  /** Both fixtures present and passing, and the rule loaded. */
  ok: boolean;
  /** Why not ok (or `ok`), in one line. */
  reason: string;
}

export interface RuleFixtureReport {
  /** Rule files read, relative to the rules folder. */
  files: string[];
  /** Per rule, in file order. */
  results: RuleFixtureResult[];
  /** Rules lacking one or both fixture files. */
  withoutFixtures: Array<{ ruleId: string; origin: string; missing: FixtureKind[] }>;
  /** Fixture files that belong to no rule file (a renamed rule left them behind). */
  orphanFixtures: string[];
  /** Rules that did not load or compile, with the reason (`DetectionContent.issues`). */
  issues: readonly ContentIssue[];
}

export interface RuleFixtureOptions {
  /** Default {@link FIXTURE_NOW}. */
  now?: Date;
  /** Replay options other than `now` (zone, detection options). */
  replay?: Omit<ReplayOptions, 'now'>;
}

/**
 * Replays every rule's positive and negative fixtures against the whole ruleset under `rulesDir` (so
 * rules are tested as they run together, chains and all), each fixture alone with a fresh state.
 * A positive fixture passes when it raises at least one alert of a rule in `provenBy` and every line
 * parses; a negative one when it has records, every line parses (an unparsed near-miss would pass for
 * the wrong reason) and it raises no alert of a rule in `provenBy`.
 */
export function runRuleFixtures(rulesDir: string, options: RuleFixtureOptions = {}): RuleFixtureReport {
  const sources = readRuleSources(rulesDir);
  const content = DetectionContent.compile(sources);
  const rules = bundledRules(sources, content);
  const replay: ReplayOptions = { ...options.replay, now: options.now ?? FIXTURE_NOW };
  const results: RuleFixtureResult[] = [];
  const withoutFixtures: RuleFixtureReport['withoutFixtures'] = [];
  const used = new Set<string>();
  for (const rule of rules) {
    const outcomes: Partial<Record<FixtureKind, FixtureOutcome>> = {};
    const missing: FixtureKind[] = [];
    for (const kind of FIXTURE_KINDS) {
      const file = fixturePath(rule.origin, kind);
      used.add(file);
      if (!existsSync(join(rulesDir, file))) missing.push(kind);
      else outcomes[kind] = runFixture(rulesDir, file, kind, rule, content, replay);
    }
    if (missing.length > 0) withoutFixtures.push({ ruleId: rule.ruleId, origin: rule.origin, missing });
    results.push({ rule, ...outcomes, ...verdict(rule, outcomes, missing) });
  }
  const orphanFixtures = fixtureFiles(rulesDir).filter((file) => !used.has(file));
  return { files: sources.map((s) => s.origin), results, withoutFixtures, orphanFixtures, issues: content.issues };
}

/** Where a rule file's fixture lives, relative to the rules folder. */
export function fixturePath(ruleOrigin: string, kind: FixtureKind): string {
  const stem = posix.basename(ruleOrigin).replace(/\.ya?ml$/i, '');
  return posix.join(posix.dirname(ruleOrigin), FIXTURE_FOLDER, `${stem}.${kind}.log`);
}

/** The lines of a fixture file with comments (see {@link isFixtureComment}) blanked, so line numbers stay those of the file. */
export function fixtureRecords(text: string): string[] {
  return text.split('\n').map((line) => (isFixtureComment(line) ? '' : line));
}

function verdict(rule: BundledRule, outcomes: Partial<Record<FixtureKind, FixtureOutcome>>, missing: FixtureKind[]): { ok: boolean; reason: string } {
  if (!rule.loaded) return { ok: false, reason: 'rule did not load (see the issues)' };
  const failed = FIXTURE_KINDS.map((kind) => outcomes[kind]).filter((o): o is FixtureOutcome => o !== undefined && !o.ok);
  if (failed.length > 0) return { ok: false, reason: failed.map((o) => `${o.kind}: ${o.reason}`).join('; ') };
  if (missing.length > 0) return { ok: false, reason: `no ${missing.join(' or ')} fixture` };
  const shown = FIXTURE_KINDS.map((kind) => `${kind}: ${outcomes[kind]!.reason}`).join('; ');
  return { ok: true, reason: shown };
}

function runFixture(rulesDir: string, file: string, kind: FixtureKind, rule: BundledRule, content: DetectionContent, options: ReplayOptions): FixtureOutcome {
  const records = fixtureRecords(readFileSync(join(rulesDir, file), 'utf8'));
  const result = replayOf(records, file, content, options);
  const raised = countBy(result.alerts);
  const proving = result.alerts.filter((alert) => rule.provenBy.includes(alert.ruleId));
  const base = { kind, file, records: result.events, deadLetters: result.deadLetters.length, raised };
  const unparsed = result.deadLetters[0];
  if (unparsed) return { ...base, ok: false, reason: `${result.deadLetters.length} line(s) not parsed, first ${unparsed.line}: ${unparsed.reason}` };
  if (rule.provenBy.length === 0) return { ...base, ok: false, reason: 'the rule alerts neither on its own nor through any correlation' };
  const expected = rule.provenBy.join(' or ');
  if (kind === 'positive') {
    if (proving.length > 0) return { ...base, ok: true, reason: `raised ${describe(countBy(proving))}` };
    const other = Object.keys(raised).length > 0 ? ` (raised only ${describe(raised)})` : '';
    return { ...base, ok: false, reason: `no alert of ${expected} from ${result.events} records${other}` };
  }
  if (result.events === 0) return { ...base, ok: false, reason: 'no records: a negative fixture must hold near-misses' };
  if (proving.length > 0) return { ...base, ok: false, reason: `raised ${describe(countBy(proving))}: ${proving[0]!.explanation}` };
  return { ...base, ok: true, reason: `no alert of ${expected} from ${result.events} records` };
}

function replayOf(records: readonly string[], file: string, content: DetectionContent, options: ReplayOptions): ReplayResult {
  // Event ids are `<fixture>:<line>`, so an alert's eventIds point at the lines behind it.
  const replay = new LineReplay(content, options);
  const name = posix.basename(file);
  for (const record of records) replay.add(record, name);
  return replay.finish();
}

function countBy(alerts: readonly AlertFinding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const alert of alerts) counts[alert.ruleId] = (counts[alert.ruleId] ?? 0) + 1;
  return counts;
}

const describe = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .map(([ruleId, n]) => `${ruleId} ×${n}`)
    .join(', ');

/** Every rule each file defines, with whether it loaded and which alerts prove its fixtures. */
export function bundledRules(sources: readonly RuleSource[], content: DetectionContent): BundledRule[] {
  const plan = content.correlationEngine({}).correlations;
  // Engine ids (a detection rule's Sigma id or alert id; a correlation's id or name) → correlations referencing it.
  const consumers = new Map<string, string[]>();
  const emits = new Map<string, boolean>();
  for (const correlation of plan) {
    emits.set(correlation.ruleId, correlation.emits);
    for (const ref of correlation.refs) consumers.set(ref.target, [...(consumers.get(ref.target) ?? []), correlation.ruleId]);
  }
  const provenThrough = (engineId: string): string[] => {
    const found = new Set<string>();
    const seen = new Set<string>();
    const walk = (id: string): void => {
      for (const next of consumers.get(id) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        if (emits.get(next)) found.add(content.alertRuleIdOfCorrelation(next));
        walk(next);
      }
    };
    walk(engineId);
    return [...found].sort();
  };

  const rules: BundledRule[] = [];
  for (const { origin, text } of sources) {
    for (const doc of loadSigmaText(text, origin).documents) {
      if (doc.kind !== 'rule') continue;
      const ruleId = ruleIdOf(doc);
      const engineId = doc.id ?? ruleId;
      const loaded = content.info(ruleId)?.kind === 'detection';
      const provenBy = content.correlationOnly.has(engineId) ? provenThrough(engineId) : [ruleId];
      rules.push({ ruleId, title: doc.title, kind: 'detection', origin, loaded, provenBy, tags: doc.tags, ...(doc.author ? { author: doc.author } : {}) });
    }
    for (const rule of loadCorrelationText(text, origin).rules) {
      const ruleId = ruleIdOf(rule);
      const engineId = correlationRuleId(rule);
      const loaded = emits.has(engineId);
      const provenBy = !loaded || emits.get(engineId) ? [ruleId] : provenThrough(engineId);
      rules.push({ ruleId, title: rule.title, kind: 'correlation', origin, loaded, provenBy, tags: rule.tags, ...(rule.author ? { author: rule.author } : {}) });
    }
  }
  return rules;
}

/** Every `*.log` under a `fixtures` folder below `rulesDir`, relative to it. */
function fixtureFiles(rulesDir: string): string[] {
  const files: string[] = [];
  const visit = (folder: string, rel: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const relPath = rel ? `${rel}/${name}` : name;
      if (statSync(path).isDirectory()) visit(path, relPath);
      else if (name.endsWith('.log') && posix.basename(posix.dirname(relPath)) === FIXTURE_FOLDER) files.push(relPath);
    }
  };
  if (existsSync(rulesDir)) visit(rulesDir, '');
  return files;
}
