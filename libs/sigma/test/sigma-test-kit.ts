import { readFileSync } from 'node:fs';
import { parseRaw, SecurityEvent, splitConcatenatedJson } from '@soc/parsers';
import { CompileOptions, compileRule, CompiledRule, loadSigmaText, LogsourceMapping, SigmaReason, SigmaRule } from '@soc/sigma';
import { stringify } from 'yaml';

/** A logsource for unit tests: every event, fields read by their Sigma names, keywords in `message`. */
export const TEST_MAPPINGS: readonly LogsourceMapping[] = [{ logsource: { product: 'test' }, events: [], fields: {}, otherFields: ['{field}'], keywords: ['message'] }];

/** A rule document around a detection section, written as YAML so the loader is part of every test. */
export function ruleYaml(detection: Record<string, unknown>, logsource: Record<string, string> = { product: 'test' }, extra: Record<string, unknown> = {}): string {
  return stringify({ title: 'test rule', id: 'test-rule', status: 'test', level: 'high', author: 'SOC tests', tags: ['attack.t1059'], logsource, detection, ...extra });
}

export function loadRule(yaml: string): SigmaRule {
  const loaded = loadSigmaText(yaml, 'test.yml');
  const [first] = loaded.documents;
  if (loaded.issues.length > 0 || first?.kind !== 'rule') throw new Error(`rule did not load: ${JSON.stringify(loaded.issues)}`);
  return first;
}

export function compileYaml(yaml: string, options: CompileOptions = { mappings: TEST_MAPPINGS }): CompiledRule {
  const result = compileRule(loadRule(yaml), options);
  if (!result.ok) throw new Error(`rule did not compile: ${result.reasons.map((r) => r.message).join('; ')}`);
  return result.rule;
}

/** The reasons a detection does not compile (empty when it compiles). */
export function reasonsFor(detection: Record<string, unknown>, options: CompileOptions = { mappings: TEST_MAPPINGS }): SigmaReason[] {
  const result = compileRule(loadRule(ruleYaml(detection)), options);
  return result.ok ? [] : result.reasons;
}

/** A compiled test rule over flat event fields. */
export function detect(detection: Record<string, unknown>, options?: CompileOptions): CompiledRule {
  return compileYaml(ruleYaml(detection), options);
}

/** A normalized event with arbitrary extra members (unit tests read them by Sigma name). */
export function event(fields: Record<string, unknown> = {}): SecurityEvent {
  return {
    '@timestamp': '2026-01-01T00:00:00.000Z',
    event: { kind: 'event', ingested: '2026-01-01T00:00:00.000Z', original: '' },
    soc: { source_id: 'test', transport: 'http' },
    ...fields,
  };
}

export const matches = (rule: CompiledRule, fields: Record<string, unknown>): boolean => rule.evaluate(event(fields)) !== null;

const RECEIVED_AT = new Date('2026-01-01T00:00:00Z');

/** A raw record through our real parsers, as ingest would normalize it. */
export function parsed(payload: string, formatHint?: string): SecurityEvent {
  const outcome = parseRaw({ sourceId: 'test', receivedAt: RECEIVED_AT, transport: 'kafka', payload, ...(formatHint ? { formatHint } : {}) }, { timeZone: 'UTC' });
  if (!outcome.ok) throw new Error(`not parsed: ${outcome.reason}`);
  return outcome.event;
}

/** The top-level objects of a file holding several JSON objects one after another (SigmaHQ's evtx dumps). */
export function jsonObjects(path: string): unknown[] {
  return splitConcatenatedJson(readFileSync(path, 'utf8')).map((object) => JSON.parse(object) as unknown);
}

/** A Windows event in the evtx JSON layout, normalized by our Windows parser. */
export function windowsEvent(system: Record<string, unknown>, eventData: Record<string, unknown>): SecurityEvent {
  const payload = JSON.stringify({ Event: { System: { TimeCreated: { '#attributes': { SystemTime: '2026-01-01T00:00:00Z' } }, ...system }, EventData: eventData } });
  return parsed(payload, 'windows-evtx-json');
}

export const SYSMON = 'Microsoft-Windows-Sysmon/Operational';
export const sysmonEvent = (eventId: number, eventData: Record<string, unknown>): SecurityEvent =>
  windowsEvent({ EventID: eventId, Channel: SYSMON, Provider: { '#attributes': { Name: 'Microsoft-Windows-Sysmon' } }, Computer: 'ws01' }, eventData);
