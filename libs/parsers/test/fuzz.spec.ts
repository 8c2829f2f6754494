import { readFileSync } from 'node:fs';
import { LINE_PARSERS, MESSAGE_PARSERS, parseRaw, RawEnvelope } from '@soc/parsers';
import { corpusPath } from '../../../test/support/corpus';

/** One real line per format family, mutated: parsers must answer every input with a result, never an exception. */
const SEEDS = [
  ['loghub', 'OpenSSH_2k.log'],
  ['elastic-integrations', 'fortinet_fortigate', 'test-fortinet.log'],
  ['elastic-integrations', 'pfsense', 'test-pfsense-bsd.log'],
  ['elastic-integrations', 'iptables', 'test-iptables-raw.log'],
  ['elastic-integrations', 'cef', 'test-cef.log'],
  ['elastic-integrations', 'suricata', 'test-eve-small.log'],
  ['elastic-integrations', 'system_auth', 'test-auth.log'],
  ['elastic-integrations', 'system_auth', 'test-5424.log'],
  ['evtx-attack-samples-json', 'DE_RDP_Tunneling_4624.json'],
  ['tenzir-tests', 'leef1.log'],
  ['tenzir-tests', 'leef2.log'],
  ['elastic-examples', 'apache_logs'],
].map((parts) => readFileSync(corpusPath(...parts), 'utf8').split('\n').slice(0, 3)).flat().filter((line) => line.length > 0);

function prng(seed: number): () => number {
  let state = seed;
  return () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

function mutations(line: string, random: () => number): string[] {
  const at = () => Math.floor(random() * (line.length + 1));
  const noise = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256))).toString('utf8');
  const cut = at();
  return [
    line.slice(0, cut),
    line.slice(cut),
    line.slice(0, cut) + noise(1 + Math.floor(random() * 8)) + line.slice(cut),
    line.replace(/[=|:,{}"[\]]/g, (c) => (random() < 0.2 ? '' : c)),
    line.replace(/\d/g, () => (random() < 0.1 ? '9'.repeat(1 + Math.floor(random() * 30)) : String(Math.floor(random() * 10)))),
    noise(Math.floor(random() * 200)),
  ];
}

const envelope = (payload: string, formatHint?: string): RawEnvelope => ({ sourceId: 'fuzz', receivedAt: new Date('2026-11-30T00:00:00Z'), transport: 'kafka', payload, formatHint });
const context = { timeZone: 'Asia/Ho_Chi_Minh', receivedAt: new Date('2026-11-30T00:00:00Z') };

describe('fuzzing every parser with truncated, corrupted and random input', () => {
  it('has seeds from every format family', () => {
    expect(SEEDS.length).toBeGreaterThanOrEqual(30);
  });

  it('never throws from parseRaw, with and without each format hint; failures carry a reason', () => {
    const random = prng(7);
    const hints = [undefined, ...[...LINE_PARSERS, ...MESSAGE_PARSERS].map((p) => p.format)];
    let inputs = 0;
    for (const seed of SEEDS) {
      for (const input of mutations(seed, random)) {
        for (const hint of hints) {
          const outcome = parseRaw(envelope(input, hint), { timeZone: 'Asia/Ho_Chi_Minh' });
          if (!outcome.ok) expect(outcome.reason.length).toBeGreaterThan(0);
          else expect(outcome.event.event.original).toBe(input);
          inputs += 1;
        }
      }
    }
    expect(inputs).toBeGreaterThan(SEEDS.length * 6);
  });

  it('never throws from any parser called directly, even on input it did not match', () => {
    const random = prng(11);
    for (const parser of [...LINE_PARSERS, ...MESSAGE_PARSERS]) {
      for (const seed of SEEDS) {
        for (const input of mutations(seed, random)) {
          expect(() => parser.matches(input, 'sshd')).not.toThrow();
          const result = parser.parse(input, { ...context, app: 'kernel' });
          expect(typeof result.ok).toBe('boolean');
        }
      }
    }
  });
});
