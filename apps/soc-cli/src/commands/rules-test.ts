import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runRuleFixtures } from '@soc/detection';
import { loadConfig } from '@soc/shared';
import { CliCommand, CliIo, CliUsageError } from '../cli-io';

/** The rules folder: `--rules`, else `SOC_RULES_DIR` (default `rules`) from the working directory, as the server reads it. */
export function rulesDirOf(option: string | undefined, io: CliIo): string {
  const dir = option ?? loadConfig(io.env).detection.rulesDir;
  const path = isAbsolute(dir) ? dir : resolve(dir);
  if (!existsSync(path)) throw new CliUsageError(`no rules folder at ${path} (pass --rules <dir>)`);
  return path;
}

/** Replays every bundled rule's positive and negative fixtures (rules/<folder>/fixtures/<rule>.{positive,negative}.log). */
export const rulesTestCommand: CliCommand = {
  name: 'rules',
  summary: "Run every rule's positive and negative fixtures; exit 1 when a fixture fails or a rule does not load",
  usage: 'rules test [--rules <dir>]',
  run(args: string[], io: CliIo): Promise<number> {
    const [sub, ...rest] = args;
    if (sub !== 'test') throw new CliUsageError(sub === undefined ? 'missing subcommand' : `unknown subcommand "${sub}"`);
    const { values } = parseArgs({ args: rest, options: { rules: { type: 'string' } }, strict: true });
    const dir = rulesDirOf(values.rules, io);
    const out = (line: string) => io.stdout.write(`${line}\n`);

    const report = runRuleFixtures(dir);
    const width = Math.max(0, ...report.results.map((r) => r.rule.ruleId.length));
    // A rule that only lacks a fixture is not a failure (it is listed below); one whose fixture fails, or that did not load, is.
    const failing = (r: (typeof report.results)[number]) => !r.ok && (!r.rule.loaded || r.positive?.ok === false || r.negative?.ok === false);
    for (const r of report.results) out(`${r.ok ? 'ok  ' : failing(r) ? 'FAIL' : 'none'} ${r.rule.ruleId.padEnd(width)}  ${r.reason}`);
    for (const { ruleId, origin, missing } of report.withoutFixtures) out(`no fixture: ${ruleId} (${origin}): missing ${missing.join(', ')}`);
    for (const file of report.orphanFixtures) out(`orphan fixture: ${file} (no rule file of that name)`);
    for (const issue of report.issues) out(`not loaded: ${[issue.origin, issue.ruleId ?? issue.title].filter(Boolean).join(' ')}: ${issue.reason}`);

    const failed = report.results.filter((r) => failing(r) && r.rule.loaded).length;
    const passed = report.results.filter((r) => r.ok).length;
    out(
      `rules: ${report.results.length} in ${report.files.length} files, ${report.issues.length} not loaded; ` +
        `fixtures: ${passed} rules ok, ${failed} failed, ${report.withoutFixtures.length} without fixtures`,
    );
    return Promise.resolve(failed > 0 || report.issues.length > 0 ? 1 : 0);
  },
};
