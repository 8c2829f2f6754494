import { SecurityEvent } from '@soc/parsers';
import { CompiledRule, RuleSet } from '@soc/sigma';
import { compileYaml, event, ruleYaml, sysmonEvent, windowsEvent } from './sigma-test-kit';

/** A small deterministic generator: the same rules and events every run. */
function prng(seed: number): () => number {
  let state = seed;
  return () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

const FIELDS = ['Image', 'CommandLine', 'ParentImage', 'User', 'TargetFilename'];
const WORDS = ['cmd', 'powershell', 'whoami', 'evil', 'temp', 'admin', 'x', 'system32', '-enc', 'über'];
const MODIFIERS = ['', '|contains', '|startswith', '|endswith', '|contains|all', '|re', '|cased', '|windash|contains', '|neq', '|base64offset|contains', '|exists'];
const LOGSOURCES: ReadonlyArray<Record<string, string>> = [
  { product: 'windows', category: 'process_creation' },
  { product: 'windows', category: 'file_event' },
  { product: 'windows', service: 'security' },
  { product: 'windows', service: 'system' },
  { product: 'windows' },
  { product: 'linux' },
];

function randomRule(random: () => number, n: number): CompiledRule {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const value = () => (random() < 0.15 ? `*${pick(WORDS)}?${pick(WORDS)}` : pick(WORDS));
  const selection = (): Record<string, unknown> => {
    const map: Record<string, unknown> = {};
    for (let i = 0; i < 1 + Math.floor(random() * 2); i++) {
      const modifier = pick(MODIFIERS);
      const key = `${pick(FIELDS)}${modifier}`;
      if (modifier === '|exists') map[key] = random() < 0.5;
      else if (modifier === '|re') map[key] = pick(['cmd|powershell', '^c:', 'evil.*temp']);
      else if (modifier.includes('base64')) map[key] = pick(WORDS);
      else map[key] = random() < 0.5 ? value() : [value(), value(), value()];
    }
    if (random() < 0.3) map.EventID = pick([1, 11, 4688, 7045]);
    return map;
  };
  const detection: Record<string, unknown> = { sel_a: selection(), sel_b: random() < 0.3 ? [pick(WORDS), pick(WORDS)] : selection(), filter_x: selection() };
  detection.condition = pick(['sel_a', 'sel_a and sel_b', 'sel_a or sel_b', '1 of sel_*', 'all of sel_* and not filter_x', 'not sel_a', 'sel_a and not 1 of filter_*', '1 of them']);
  return compileYaml(ruleYaml(detection, pick(LOGSOURCES), { id: `rule-${n}` }), {});
}

function randomEvent(random: () => number): SecurityEvent {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const text = () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick([...WORDS, 'C:\\Windows\\system32\\', '/enc', ' ', Buffer.from('über evil').toString('base64')])).join(pick(['', ' ', '\\']));
  const data: Record<string, string> = {};
  for (const field of FIELDS) if (random() < 0.7) data[field] = text();
  const kind = random();
  if (kind < 0.4) return sysmonEvent(pick([1, 11, 7]), data);
  if (kind < 0.8) return windowsEvent({ EventID: pick([4688, 7045, 1, 4624]), Channel: pick(['Security', 'System']) }, data);
  return event({ message: text(), event: { kind: 'event', module: 'system', ingested: '', original: text() } });
}

describe('RuleSet', () => {
  it('matches exactly what evaluating every rule matches (property test over random rules and events)', () => {
    const random = prng(42);
    const rules = Array.from({ length: 300 }, (_, n) => randomRule(random, n));
    const set = new RuleSet(rules);
    let matched = 0;
    let skipped = 0;
    for (let i = 0; i < 3000; i++) {
      const e = randomEvent(random);
      const expected = rules.filter((r) => r.evaluate(e) !== null).map((r) => r.id);
      expect(set.evaluate(e).map((m) => m.rule.id)).toEqual(expected);
      matched += expected.length;
      skipped += rules.length - set.candidateRules(e).length;
    }
    // The property only means something if rules do match, and the index only if it skips rules.
    expect(matched).toBeGreaterThan(10_000);
    expect(skipped).toBeGreaterThan(500_000);
  });

  it('routes by event id and required literals, so unrelated rules are not evaluated', () => {
    const whoami = compileYaml(ruleYaml({ selection: { 'Image|endswith': '\\whoami.exe' }, condition: 'selection' }, { product: 'windows', category: 'process_creation' }, { id: 'whoami' }), {});
    const service = compileYaml(ruleYaml({ selection: { EventID: 7045, 'ImagePath|contains': 'psexesvc' }, condition: 'selection' }, { product: 'windows', service: 'system' }, { id: 'psexec' }), {});
    const negated = compileYaml(ruleYaml({ selection: { 'Image|endswith': '\\x.exe' }, condition: 'not selection' }, { product: 'windows', category: 'process_creation' }, { id: 'not-x' }), {});
    const set = new RuleSet([whoami, service, negated]);
    const ids = (e: SecurityEvent) => set.candidateRules(e).map((r) => r.id);
    expect(ids(sysmonEvent(1, { Image: 'C:\\Windows\\System32\\whoami.exe' }))).toEqual(['whoami', 'not-x']);
    expect(ids(sysmonEvent(1, { Image: 'C:\\Windows\\notepad.exe' }))).toEqual(['not-x']);
    expect(ids(windowsEvent({ EventID: 7045, Channel: 'System' }, { ImagePath: 'C:\\PSEXESVC.exe' }))).toEqual(['psexec']);
    expect(ids(sysmonEvent(11, { Image: 'C:\\Windows\\System32\\whoami.exe' }))).toEqual([]);
  });
});
