import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { RuleSource } from '../content/detection-content';

const RULE_FILE = /\.ya?ml$/i;

/**
 * Every Sigma rule file under `dir` (recursively, in name order) as rule sources named by their path
 * from `dir` with `/` separators — the same origins the server's rules registry gives them, so the
 * compiled content (and its version) is the same offline as in the server.
 */
export function readRuleSources(dir: string): RuleSource[] {
  const sources: RuleSource[] = [];
  const visit = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (RULE_FILE.test(name)) sources.push({ origin: relative(dir, path).split(sep).join('/'), text: readFileSync(path, 'utf8') });
    }
  };
  visit(dir);
  return sources;
}
