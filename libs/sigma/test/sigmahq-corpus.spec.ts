import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SecurityEvent } from '@soc/parsers';
import { compileRule, CompiledRule, loadSigmaText } from '@soc/sigma';
import { corpusPath } from '../../../test/support/corpus';
import { jsonObjects, parsed } from './sigma-test-kit';

/**
 * Real SigmaHQ rules against SigmaHQ's own regression samples (../shared/corpus), the samples
 * normalized by our parsers as ingest would: each rule must match its sample and none of the others.
 */
const CASES: ReadonlyArray<{ rule: string; sample: string }> = [
  { rule: 'rules/windows/process_creation/proc_creation_win_bitsadmin_download.yml', sample: 'rules/windows/process_creation/proc_creation_win_bitsadmin_download' },
  { rule: 'rules/windows/registry/registry_set/registry_set_disable_administrative_share.yml', sample: 'rules/windows/registry/registry_set/registry_set_disable_administrative_share' },
  { rule: 'rules/windows/file/file_event/file_event_win_anydesk_artefact.yml', sample: 'rules/windows/file/file_event/file_event_win_anydesk_artefact' },
  { rule: 'rules/windows/builtin/security/win_security_explicit_credential_local_logon.yml', sample: 'rules/windows/builtin/security/win_security_explicit_credential_local_logon' },
  {
    rule: 'rules-emerging-threats/2026/Exploits/RedSun/win_defender_exploit_redsun_tiering_engine_detected_as_eicar.yml',
    sample: 'rules-emerging-threats/2026/Exploits/RedSun/win_defender_exploit_redsun_tiering_engine_detected_as_eicar',
  },
  {
    rule: 'rules-threat-hunting/windows/image_load/image_load_win_werfaultsecure_dbgcore_dbghelp_load.yml',
    sample: 'rules-threat-hunting/windows/image_load/image_load_win_werfaultsecure_dbgcore_dbghelp_load',
  },
  { rule: 'rules/network/cisco/aaa/cisco_cli_dot1x_disabled.yml', sample: 'rules/cisco/aaa/cisco_cli_dot1x_disabled' },
];

function compiledRule(relativePath: string): CompiledRule {
  const { documents, issues } = loadSigmaText(readFileSync(corpusPath('sigma-rules', relativePath), 'utf8'), relativePath);
  expect(issues).toEqual([]);
  const [rule] = documents;
  if (rule?.kind !== 'rule') throw new Error(`${relativePath}: not a detection rule`);
  const result = compileRule(rule);
  if (!result.ok) throw new Error(`${relativePath}: ${result.reasons.map((r) => r.message).join('; ')}`);
  return result.rule;
}

function sampleEvents(relativeDir: string): SecurityEvent[] {
  const dir = corpusPath('sigma-regression-data', relativeDir);
  return readdirSync(dir).flatMap((name) => {
    if (name.endsWith('.json')) return jsonObjects(join(dir, name)).map((object) => parsed(JSON.stringify(object), 'windows-evtx-json'));
    if (name.endsWith('.raw')) return readFileSync(join(dir, name), 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => parsed(line));
    return [];
  });
}

describe('SigmaHQ rules on SigmaHQ regression samples', () => {
  const rules = CASES.map((c) => compiledRule(c.rule));
  const samples = CASES.map((c) => sampleEvents(c.sample));

  it('loads every sample', () => {
    expect(samples.map((events) => events.length > 0)).toEqual(CASES.map(() => true));
  });

  it.each(CASES.map((c, i) => [c.rule, i] as const))('%s matches its own sample and no other', (_name, i) => {
    const rule = rules[i]!;
    const matchedPerSample = samples.map((events) => events.filter((e) => rule.evaluate(e) !== null).length);
    expect(matchedPerSample.map((n, j) => (j === i ? n > 0 : n === 0))).toEqual(CASES.map(() => true));
  });

  it('explains a real match with the rule author and the fields that matched', () => {
    const [bitsadmin] = rules;
    const match = samples[0]!.map((e) => bitsadmin!.evaluate(e)).find((m) => m !== null);
    expect(match?.rule.author).toBeTruthy();
    expect(match?.selections.map((s) => s.name)).toContain('selection_cmd');
    expect(match?.selections.flatMap((s) => s.fields.map((f) => f.path))).toContain('winlog.event_data.CommandLine');
  });
});

describe('the whole SigmaHQ rule set', () => {
  it('compiles at least 95% of the rules, and every rule that does not has a stated reason', () => {
    const root = corpusPath('sigma-rules');
    const files = (function walk(dir: string): string[] {
      return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.yml') ? [join(dir, entry.name)] : []));
    })(root);
    const loaded = files.map((file) => loadSigmaText(readFileSync(file, 'utf8'), file));
    const documents = loaded.flatMap((l) => l.documents);
    const loadIssues = loaded.flatMap((l) => l.issues);
    const results = documents.flatMap((d) => (d.kind === 'rule' ? [compileRule(d)] : []));
    const compiled = results.filter((r) => r.ok).length;
    const total = results.length + loadIssues.length;
    expect(files.length).toBeGreaterThan(3000);
    expect(compiled / total).toBeGreaterThanOrEqual(0.95);
    for (const result of results) if (!result.ok) expect(result.reasons.length).toBeGreaterThan(0);
    for (const issue of loadIssues) expect(issue.reason.message).not.toBe('');
  });
});
