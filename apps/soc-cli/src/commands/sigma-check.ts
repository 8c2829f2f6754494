import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compileDocuments, CompiledRule, loadSigmaText, logsourceLabel, PlaceholderValues, SigmaDocument, SigmaReason } from '@soc/sigma';
import { parse as parseYaml } from 'yaml';
import { CliCommand, CliIo, CliUsageError } from '../cli-io';
import { filesUnder, RegressionSample, regressionSamples } from './sigma-check-corpus';

/** The issue's bar: at least this share of SigmaHQ rules compile and of regression samples match. */
const TARGET = 0.95;

function countBy<T>(items: readonly T[], key: (item: T) => string): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
}

function placeholdersFrom(file: string | undefined): PlaceholderValues {
  if (file === undefined) return {};
  const parsed = parseYaml(readFileSync(file, 'utf8')) as unknown;
  if (typeof parsed !== 'object' || parsed === null) throw new CliUsageError(`${file}: expected a map of placeholder name → list of values`);
  return Object.fromEntries(Object.entries(parsed).map(([name, values]) => [name, (Array.isArray(values) ? values : [values]).map(String)]));
}

/** Why a sample failed, or undefined when its rule matched enough of its events. */
function regressionMiss(sample: RegressionSample, rules: ReadonlyMap<string, CompiledRule>, notCompiled: ReadonlyMap<string, SigmaReason[]>): string | undefined {
  const rule = rules.get(sample.ruleId);
  if (!rule) {
    const reasons = notCompiled.get(sample.ruleId);
    return reasons ? `rule not compiled: ${reasons.map((r) => r.message).join('; ')}` : 'rule not found';
  }
  const matched = sample.events.filter((event) => rule.evaluate(event) !== null).length;
  const needed = Math.max(1, sample.matchCount ?? 1);
  if (matched >= needed) return undefined;
  const unparsed = sample.unparsed.length > 0 ? `, ${sample.unparsed.length} records not parsed (${sample.unparsed[0]})` : '';
  return `${matched}/${sample.events.length} events matched, ${needed} expected${unparsed}`;
}

/** Loads every SigmaHQ rule of the shared corpus and runs SigmaHQ's regression samples against them. */
export const sigmaCheckCommand: CliCommand = {
  name: 'sigma-check',
  summary: 'Compile every SigmaHQ rule of the shared corpus and evaluate the SigmaHQ regression samples',
  usage: 'sigma-check [--corpus <dir>] [--placeholders <file.yml>] [--verbose]',
  run(args: string[], io: CliIo): Promise<number> {
    const { values } = parseArgs({
      args,
      options: { corpus: { type: 'string' }, placeholders: { type: 'string' }, verbose: { type: 'boolean', default: false } },
      strict: true,
    });
    const corpus = resolve(values.corpus ?? join(process.cwd(), '..', 'shared', 'corpus'));
    const rulesDir = join(corpus, 'sigma-rules');
    const samplesDir = join(corpus, 'sigma-regression-data');
    if (!existsSync(rulesDir) || !existsSync(samplesDir)) throw new CliUsageError(`no sigma-rules and sigma-regression-data under ${corpus} (pass --corpus <dir>)`);
    const out = (line: string) => io.stdout.write(`${line}\n`);

    const documents: SigmaDocument[] = [];
    const loadFailures: Array<{ origin: string; reason: SigmaReason }> = [];
    const files = filesUnder(rulesDir, (name) => /\.ya?ml$/.test(name));
    for (const file of files) {
      const origin = relative(corpus, file);
      const loaded = loadSigmaText(readFileSync(file, 'utf8'), origin);
      documents.push(...loaded.documents);
      for (const issue of loaded.issues) loadFailures.push({ origin, reason: issue.reason });
    }
    const compiled = compileDocuments(documents, { placeholders: placeholdersFrom(values.placeholders) });
    const total = compiled.rules.length + compiled.failures.length + loadFailures.length;
    const reasons = [...loadFailures.map((f) => f.reason), ...compiled.failures.flatMap((f) => f.reasons), ...compiled.filterIssues.map((f) => f.reason)];
    out(`sigma rules: ${files.length} files, ${total} rules; compiled ${compiled.rules.length}, not compiled ${total - compiled.rules.length}`);
    for (const [message, count] of countBy(reasons, (r) => r.message)) out(`  ${String(count).padStart(5)}× ${message}`);
    if (values.verbose) {
      for (const f of loadFailures) out(`  not loaded: ${f.origin}: ${f.reason.message}`);
      for (const f of compiled.failures) out(`  not compiled: ${f.rule.origin ?? f.rule.title}: ${f.reasons.map((r) => r.message).join('; ')}`);
    }
    const unmapped = compiled.rules.filter((r) => !r.mapped);
    out(`compiled without a logsource mapping (fields read by their Sigma names, scoped to event.module): ${unmapped.length}`);
    for (const [label, count] of countBy(unmapped, (r) => logsourceLabel(r.rule.logsource)).slice(0, values.verbose ? undefined : 8)) out(`  ${String(count).padStart(5)}× ${label}`);

    const byId = new Map(compiled.rules.filter((r) => r.id !== undefined).map((r) => [r.id!, r]));
    const notCompiled = new Map(compiled.failures.filter((f) => f.rule.id !== undefined).map((f) => [f.rule.id!, f.reasons]));
    const samples = regressionSamples(samplesDir);
    const events = samples.reduce((n, s) => n + s.events.length, 0);
    const unparsed = samples.reduce((n, s) => n + s.unparsed.length, 0);
    let matched = 0;
    out(`regression: ${samples.length} samples, ${events} events normalized by our parsers (parseRaw), ${unparsed} records not parsed`);
    for (const sample of samples) {
      const miss = regressionMiss(sample, byId, notCompiled);
      if (miss === undefined) matched += 1;
      else out(`  miss: ${sample.name} (${sample.ruleId}): ${miss}`);
    }
    out(`sigma: ${compiled.rules.length}/${total} rules compiled; regression ${matched}/${samples.length}`);
    const met = compiled.rules.length >= TARGET * total && matched >= TARGET * samples.length;
    return Promise.resolve(met ? 0 : 1);
  },
};
