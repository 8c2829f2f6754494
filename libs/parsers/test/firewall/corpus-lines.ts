import { readFileSync } from 'node:fs';
import { corpusPath } from '../../../../test/support/corpus';
import { corpusLines, parse } from '../parser-test-kit';

export { envelope, parse, parsed, ZONE } from '../parser-test-kit';

/** Every non-empty line of a corpus log file. */
export const logLines = corpusLines;

/** The `log N pass = <line>` lines of a Wazuh ruleset test file (the decoder must read them). */
export function wazuhPassLines(file: string): string[] {
  return readWazuh(file, 'pass');
}

/** The `log N <kind> = <line>` lines of a Wazuh ruleset test file. */
export function readWazuh(file: string, kind: 'pass' | 'fail'): string[] {
  const pattern = new RegExp(`^log \\d+ ${kind} = (.*)$`);
  return readFileSync(corpusPath('wazuh-ruleset-tests', file), 'utf8')
    .split('\n')
    .flatMap((line) => {
      const match = pattern.exec(line);
      return match ? [match[1]!] : [];
    });
}

/** Failures as `line-number: reason`, for a readable assertion. */
export function failures(lines: string[]): string[] {
  return lines.flatMap((line, i) => {
    const outcome = parse(line);
    return outcome.ok ? [] : [`${i + 1}: ${outcome.reason}`];
  });
}

/** The one corpus line containing `needle`, so a test names the record it checks. */
export function lineWith(lines: string[], needle: string): string {
  const found = lines.filter((line) => line.includes(needle));
  if (found.length === 0) throw new Error(`no corpus line contains ${needle}`);
  return found[0]!;
}
