import { unsupported } from './sigma-reason';

/** Values for the `expand` modifier's `%name%` placeholders (e.g. `%Servers%` → `srv*`), supplied by the deployment. */
export type PlaceholderValues = Readonly<Record<string, readonly string[]>>;

/** `%name%` not preceded by a backslash; `\%` is a plain percent sign. */
const PLACEHOLDER = /(?<!\\)%([^%\s]+)%/g;

/**
 * Expands every placeholder of a Sigma string into the supplied values (Sigma strings themselves,
 * wildcards allowed); several placeholders give every combination. An unknown placeholder makes
 * the rule unsupported: guessing would widen or narrow what it matches.
 */
export function expandPlaceholders(value: string, placeholders: PlaceholderValues): string[] {
  let results = [''];
  let last = 0;
  for (const match of value.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    const values = placeholders[name];
    if (values === undefined || values.length === 0) throw unsupported('unknown-placeholder', `unknown placeholder %${name}%`);
    const before = plainPercents(value.slice(last, match.index));
    results = results.flatMap((prefix) => values.map((v) => prefix + before + v));
    last = match.index + match[0].length;
  }
  const rest = plainPercents(value.slice(last));
  return results.map((prefix) => prefix + rest);
}

const plainPercents = (text: string) => text.replace(/\\%/g, '%');
