/** Shared helpers of the parser tests: one envelope, one zone, corpus readers. */
import { readFileSync } from 'node:fs';
import { ParseOutcome, parseRaw, RawEnvelope, SecurityEvent } from '@soc/parsers';
import { corpusPath } from '../../../test/support/corpus';

export const ZONE = { timeZone: 'Asia/Ho_Chi_Minh' };
export const RECEIVED_AT = new Date('2026-11-30T09:00:00Z');

export function envelope(payload: string, formatHint?: string): RawEnvelope {
  return { sourceId: 'src-1', receivedAt: RECEIVED_AT, transport: 'syslog', payload, ...(formatHint === undefined ? {} : { formatHint }) };
}

export function parse(payload: string, formatHint?: string): ParseOutcome {
  return parseRaw(envelope(payload, formatHint), ZONE);
}

/** The event, or a test failure carrying the parser's reason. */
export function parsed(payload: string, formatHint?: string): SecurityEvent {
  const outcome = parse(payload, formatHint);
  if (!outcome.ok) throw new Error(`${outcome.reason}: ${payload}`);
  return outcome.event;
}

/** Non-empty lines of a corpus file. */
export function corpusLines(...path: string[]): string[] {
  return readFileSync(corpusPath(...path), 'utf8')
    .split('\n')
    .filter((line) => line.length > 0);
}

/** The raw lines of a Wazuh ruleset test file (`log N pass = …`, and `fail` lines, which are still valid logs). */
export function wazuhLines(file: string): string[] {
  return corpusLines('wazuh-ruleset-tests', file)
    .map((line) => /^log \d+ (?:pass|fail) = (.*)$/.exec(line)?.[1])
    .filter((line): line is string => line !== undefined);
}

/** Dataset of each line, or its failure reason, for one assertion over a whole file. */
export function datasets(lines: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const outcome = parse(line);
    const key = outcome.ok ? (outcome.event.event.dataset ?? '(none)') : `FAILED ${outcome.reason}: ${line.slice(0, 120)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** A deterministic PRNG (mulberry32) for the differential tests: a failing case can be replayed from its seed. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
