import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { RuleSource } from '@soc/detection';

const RULE_FILE = /\.ya?ml$/i;

/** Every Sigma rule file under `dir` (recursively, in name order), as rule sources named by their path from `dir`. */
export function readRuleFiles(dir: string): RuleSource[] {
  const sources: RuleSource[] = [];
  const visit = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (RULE_FILE.test(name)) sources.push({ origin: relative(dir, path), text: readFileSync(path, 'utf8') });
    }
  };
  visit(dir);
  return sources;
}
