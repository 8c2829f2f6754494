import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parseRaw, SecurityEvent, splitConcatenatedJson } from '@soc/parsers';
import { parse as parseYaml } from 'yaml';

/** Every file under `dir` whose name passes `wanted`, in a stable order. */
export function filesUnder(dir: string, wanted: (name: string) => boolean): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path, wanted));
    else if (wanted(name)) found.push(path);
  }
  return found;
}

/** One positive test of SigmaHQ's regression data: the rule named in an info.yml and the events beside it. */
export interface RegressionSample {
  /** The sample's folder, relative to the regression data root. */
  name: string;
  ruleId: string;
  /** Events that must match, when info.yml says (it undercounts in places, so read as a minimum). */
  matchCount?: number;
  events: SecurityEvent[];
  /** Records our parsers did not accept, with the reason. */
  unparsed: string[];
}

/** A fixed receipt time: the samples carry their own timestamps, and runs stay reproducible. */
const RECEIVED_AT = new Date('2026-01-01T00:00:00Z');


/**
 * The samples' records as our ingest would normalize them: each evtx-derived JSON object, compacted
 * to one line, through `parseRaw` pinned to the evtx JSON format; raw lines through auto-detection.
 */
function eventsOf(files: readonly string[]): Pick<RegressionSample, 'events' | 'unparsed'> {
  const events: SecurityEvent[] = [];
  const unparsed: string[] = [];
  const parse = (payload: string, formatHint?: string) => {
    const outcome = parseRaw({ sourceId: 'sigma-regression', receivedAt: RECEIVED_AT, transport: 'kafka', payload, ...(formatHint ? { formatHint } : {}) }, { timeZone: 'UTC' });
    if (outcome.ok) events.push(outcome.event);
    else unparsed.push(outcome.reason);
  };
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    // .jsoncls is an upstream stray copy of a .json sample.
    if (file.endsWith('.json')) for (const object of splitConcatenatedJson(text)) parse(JSON.stringify(JSON.parse(object)), 'windows-evtx-json');
    else if (file.endsWith('.raw')) for (const line of text.split(/\r?\n/).filter((l) => l.trim() !== '')) parse(line);
  }
  return { events, unparsed };
}

interface InfoYaml {
  rule_metadata?: Array<{ id?: string }>;
  regression_tests_info?: Array<{ match_count?: number }>;
}

export function regressionSamples(root: string): RegressionSample[] {
  return filesUnder(root, (name) => name === 'info.yml').flatMap((infoFile) => {
    const info = (parseYaml(readFileSync(infoFile, 'utf8')) ?? {}) as InfoYaml;
    const dir = dirname(infoFile);
    const sampleFiles = readdirSync(dir)
      .filter((name) => name !== basename(infoFile))
      .map((name) => join(dir, name));
    const converted = eventsOf(sampleFiles);
    const matchCount = info.regression_tests_info?.[0]?.match_count;
    return (info.rule_metadata ?? [])
      .map((meta) => meta.id)
      .filter((id): id is string => typeof id === 'string')
      .map((ruleId) => ({ name: relative(root, dir), ruleId, ...(typeof matchCount === 'number' ? { matchCount } : {}), ...converted }));
  });
}
