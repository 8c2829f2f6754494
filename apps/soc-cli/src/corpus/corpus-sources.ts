import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { CorpusSample } from './corpus-sample';
import { splitConcatenatedJson } from '@soc/parsers';
import { csvRows, linesOf, wazuhTests } from './text-formats';
import { WAZUH_DECODER_CHECKS } from './wazuh-decoders';

/** Fields of Elastic's expected ECS documents that our normalization promises (geo and year-less time excluded). */
const ELASTIC_AUTH_FIELDS = [
  'event.action', 'event.category', 'event.type', 'event.outcome', 'user.name', 'user.effective.name',
  'source.ip', 'source.port', 'process.name', 'process.pid', 'group.name',
];

const sample = (group: string, file: string, line: string, extra: Partial<CorpusSample> = {}): CorpusSample => ({
  group,
  file,
  line,
  labels: [],
  checks: [],
  ...extra,
});

function files(dir: string, pattern: RegExp): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...files(path, pattern));
    else if (pattern.test(name)) found.push(path);
  }
  return found;
}

const read = (path: string) => readFileSync(path, 'utf8');

/** Every raw record of the corpus, with the labels each source provides. */
export function corpusSamples(root: string): CorpusSample[] {
  const rel = (path: string) => relative(root, path);
  const samples: CorpusSample[] = [];

  // loghub: raw logs with per-line ground truth for the syslog header and message.
  const loghubLabels: Record<string, (row: string[]) => Array<{ field: string; expected: unknown }>> = {
    OpenSSH_2k: (r) => [{ field: 'host.name', expected: r[4] }, { field: 'process.pid', expected: r[5] }, { field: 'message', expected: r[6] }],
    Linux_2k: (r) => [
      { field: 'host.name', expected: r[4] },
      // loghub's Component is the raw tag: `sshd(pam_unix)` is program sshd through PAM module pam_unix,
      // and ECS process.name is the program.
      { field: 'process.name', expected: r[5]?.replace(/\(.*\)$/, '') },
      ...(r[6] ? [{ field: 'process.pid', expected: r[6] }] : []),
      { field: 'message', expected: r[7] },
    ],
    Apache_2k: (r) => [{ field: 'log.level', expected: r[2] }, { field: 'message', expected: r[3] }],
  };
  for (const [name, labelsOf] of Object.entries(loghubLabels)) {
    const lines = linesOf(read(join(root, 'loghub', `${name}.log`)));
    const rows = csvRows(read(join(root, 'loghub', `${name}.log_structured.csv`))).slice(1);
    lines.forEach((line, i) => samples.push(sample('loghub', `loghub/${name}.log`, line, { labels: rows[i] ? labelsOf(rows[i]) : [] })));
  }

  // elastic-integrations: pipeline test inputs; system/auth has its expected ECS output.
  const elastic = join(root, 'elastic-integrations');
  for (const path of files(elastic, /\.log$/)) {
    const group = `elastic-integrations/${basename(join(path, '..'))}`;
    const expectedPath = `${path}-expected.json`;
    let expected: Array<Record<string, unknown>> = [];
    try {
      expected = (JSON.parse(read(expectedPath)) as { expected: Array<Record<string, unknown>> }).expected;
    } catch {
      expected = [];
    }
    linesOf(read(path)).forEach((line, i) => {
      const doc = expected[i];
      const labels = doc
        ? ELASTIC_AUTH_FIELDS.flatMap((field) => {
            const value = field.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), doc);
            return value === undefined ? [] : [{ field, expected: value }];
          })
        : [];
      samples.push(sample(group, rel(path), line, { labels }));
    });
  }
  const arcsight = JSON.parse(read(join(elastic, 'cef', 'test-arcsight.json'))) as { events: Array<{ event: { original: string }; cef: Record<string, unknown> }> };
  for (const event of arcsight.events) {
    samples.push(sample('elastic-integrations/cef', 'elastic-integrations/cef/test-arcsight.json', event.event.original, { labels: cefLabels(event.cef) }));
  }

  for (const name of ['apache_logs', 'auth.log']) {
    for (const line of linesOf(read(join(root, 'elastic-examples', name)))) samples.push(sample('elastic-examples', `elastic-examples/${name}`, line));
  }

  for (const path of files(join(root, 'wazuh-ruleset-tests'), /\.ini$/)) {
    for (const { line, decoder } of wazuhTests(read(path))) {
      const check = WAZUH_DECODER_CHECKS[decoder];
      samples.push(sample('wazuh-ruleset-tests', rel(path), line, { checks: check ? [{ name: `decoder ${decoder}`, test: check }] : [] }));
    }
  }

  for (const path of files(join(root, 'evtx-attack-samples-json'), /\.json$/)) {
    for (const line of linesOf(read(path))) samples.push(sample('evtx-attack-samples-json', rel(path), line));
  }
  for (const path of files(join(root, 'sigma-regression-data'), /\.json$/)) {
    for (const object of splitConcatenatedJson(read(path))) samples.push(sample('sigma-regression-data', rel(path), JSON.stringify(JSON.parse(object))));
  }
  for (const path of files(join(root, 'sigma-regression-data'), /\.raw$/)) {
    for (const line of linesOf(read(path))) samples.push(sample('sigma-regression-data', rel(path), line));
  }
  for (const path of files(join(root, 'tenzir-tests'), /\.log$/)) {
    for (const line of linesOf(read(path))) if (line.trim()) samples.push(sample('tenzir-tests', rel(path), line));
  }
  for (const path of [...files(join(root, 'rsyslog-tests', 'fuzz-corpus-syslog-message'), /./), ...files(join(root, 'rsyslog-tests', 'mmsnareparse'), /\.data$/)]) {
    for (const line of linesOf(read(path))) if (line.trim()) samples.push(sample('rsyslog-tests', rel(path), line));
  }
  return samples;
}

/** The Elastic agent's decoding of an ArcSight CEF event: header fields and every extension, by name. */
function cefLabels(cef: Record<string, unknown>): Array<{ field: string; expected: unknown }> {
  const labels: Array<{ field: string; expected: unknown }> = [];
  const device = (cef.device ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(device)) labels.push({ field: `cef:device.${key}`, expected: value });
  for (const key of ['name', 'severity', 'version']) if (cef[key] !== undefined) labels.push({ field: `cef:${key}`, expected: cef[key] });
  for (const [key, value] of Object.entries((cef.extensions ?? {}) as Record<string, unknown>)) labels.push({ field: `cef:extensions.${key}`, expected: value });
  return labels;
}
