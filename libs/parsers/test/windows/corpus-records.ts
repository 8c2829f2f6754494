import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { splitConcatenatedJson } from '@soc/parsers';
import { corpusPath } from '../../../../test/support/corpus';

/** One corpus record: where it came from (file:line or file#n) and the one-line JSON to parse. */
export interface CorpusRecord {
  where: string;
  line: string;
}

/** The Windows files of the Wazuh ruleset tests; their JSON `log N pass|fail = {…}` lines are Wazuh eventchannel records. */
export const WAZUH_WINDOWS_FILES = [
  'win_security.ini',
  'win_event_channel.ini',
  'windows_baseline_intrusion_detection.ini',
  'win-generic_rules.ini',
  'sysmon.ini',
  'sysmon_eid_1.ini',
  'sysmon_eid_3.ini',
  'powershell.ini',
  'malicious-ioc.ini',
];

export function wazuhRecords(file: string): CorpusRecord[] {
  const lines = readFileSync(corpusPath('wazuh-ruleset-tests', file), 'utf8').split('\n');
  return lines.flatMap((text, index) => {
    const match = /^log \d+ (?:pass|fail) = (\{.*"win"\s*:.*)$/.exec(text);
    return match?.[1] ? [{ where: `${file}:${index + 1}`, line: match[1] }] : [];
  });
}

/** EVTX-ATTACK-SAMPLES as converted for the corpus: NDJSON, one event per line. */
export function evtxAttackFiles(): string[] {
  return readdirSync(corpusPath('evtx-attack-samples-json')).filter((name) => name.endsWith('.json'));
}

export function evtxAttackRecords(file: string): CorpusRecord[] {
  const lines = readFileSync(corpusPath('evtx-attack-samples-json', file), 'utf8').split('\n');
  return lines.flatMap((line, index) => (line.trim() === '' ? [] : [{ where: `${file}:${index + 1}`, line }]));
}

/** Sigma regression data: pretty-printed evtx_dump objects, several concatenated in some files. */
export function sigmaFiles(): string[] {
  const root = corpusPath('sigma-regression-data');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.json') ? [join(dir, entry.name)] : []));
  return walk(root).map((path) => relative(root, path)).sort();
}

export function sigmaRecords(file: string): CorpusRecord[] {
  const text = readFileSync(corpusPath('sigma-regression-data', file), 'utf8');
  return splitConcatenatedJson(text).map((object, index) => ({ where: `${file}#${index + 1}`, line: JSON.stringify(JSON.parse(object)) }));
}

