import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseRaw } from '@soc/parsers';
import { CliCommand, CliIo, CliUsageError } from '../cli-io';
import { CorpusSample } from '../corpus/corpus-sample';
import { corpusSamples } from '../corpus/corpus-sources';
import { labelMatches } from '../corpus/label-match';

interface GroupTally {
  lines: number;
  parsed: number;
  labelled: number;
  matched: number;
  failures: Map<string, { count: number; example: string }>;
  mismatches: Map<string, number>;
}

/** Ages of the corpus vary; a fixed receipt time keeps year inference (and so the report) reproducible. */
const RECEIVED_AT = new Date('2026-11-30T00:00:00Z');

/** Runs every raw sample of ../shared/corpus through the parsers and reports parse and label-match rates. */
export const corpusCheckCommand: CliCommand = {
  name: 'corpus-check',
  summary: 'Parse every raw sample of the shared corpus; report parsed and labelled-field match rates per source',
  usage: 'corpus-check [--corpus <dir>] [--verbose]',
  run(args: string[], io: CliIo): Promise<number> {
    const { values } = parseArgs({ args, options: { corpus: { type: 'string' }, verbose: { type: 'boolean', default: false } }, strict: true });
    const root = resolve(values.corpus ?? join(process.cwd(), '..', 'shared', 'corpus'));
    if (!existsSync(root)) throw new CliUsageError(`no corpus at ${root} (pass --corpus <dir>)`);

    const groups = new Map<string, GroupTally>();
    for (const s of corpusSamples(root)) tally(groups, s);

    const total = { lines: 0, parsed: 0, labelled: 0, matched: 0 };
    io.stdout.write(`${'source'.padEnd(40)} ${'lines'.padStart(6)} ${'parsed'.padStart(7)} ${'dead'.padStart(5)} ${'fields matched'.padStart(16)}\n`);
    for (const [group, t] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      io.stdout.write(
        `${group.padEnd(40)} ${String(t.lines).padStart(6)} ${String(t.parsed).padStart(7)} ${String(t.lines - t.parsed).padStart(5)} ${`${t.matched}/${t.labelled}`.padStart(16)}\n`,
      );
      for (const [reason, { count, example }] of t.failures) io.stdout.write(`    dead letter ×${count}: ${reason}  e.g. ${example.slice(0, 100)}\n`);
      if (values.verbose) for (const [field, count] of t.mismatches) io.stdout.write(`    field mismatch ×${count}: ${field}\n`);
      total.lines += t.lines;
      total.parsed += t.parsed;
      total.labelled += t.labelled;
      total.matched += t.matched;
    }
    const pct = (a: number, b: number) => (b === 0 ? '0.0' : ((a / b) * 100).toFixed(1));
    io.stdout.write(
      `corpus: ${total.lines} lines, parsed ${total.parsed} (${pct(total.parsed, total.lines)}%), fields matched ${total.matched}/${total.labelled} (${pct(total.matched, total.labelled)}%)\n`,
    );
    return Promise.resolve(0);
  },
};

function tally(groups: Map<string, GroupTally>, s: CorpusSample): void {
  let t = groups.get(s.group);
  if (!t) {
    t = { lines: 0, parsed: 0, labelled: 0, matched: 0, failures: new Map(), mismatches: new Map() };
    groups.set(s.group, t);
  }
  t.lines += 1;
  const outcome = parseRaw({ sourceId: 'corpus', receivedAt: RECEIVED_AT, transport: 'kafka', payload: s.line }, { timeZone: 'UTC' });
  const labelCount = s.labels.length + s.checks.length;
  t.labelled += labelCount;
  if (!outcome.ok) {
    const failure = t.failures.get(outcome.reason) ?? { count: 0, example: `${s.file}: ${s.line}` };
    failure.count += 1;
    t.failures.set(outcome.reason, failure);
    return;
  }
  t.parsed += 1;
  const event = outcome.event as unknown as Record<string, unknown>;
  for (const { field, expected } of s.labels) {
    if (labelMatches(event, field, expected)) t.matched += 1;
    else t.mismatches.set(field, (t.mismatches.get(field) ?? 0) + 1);
  }
  for (const check of s.checks) {
    if (check.test(event)) t.matched += 1;
    else t.mismatches.set(check.name, (t.mismatches.get(check.name) ?? 0) + 1);
  }
}
