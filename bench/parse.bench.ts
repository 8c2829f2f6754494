import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseRaw, RawEnvelope, SecurityEvent } from '@soc/parsers';
import { projectRoot } from './support/project-root';

/**
 * Parse + normalize throughput on one core (this thread), over a realistic mix of the province's
 * formats taken from ../shared/corpus, and the heap held per 1,000 parsed events.
 * Prints figures; asserts nothing. Env: BENCH_PARSE_EVENTS (default 200000).
 */
const MIX: Array<[string, string[]]> = [
  ['sshd/auth', ['elastic-examples', 'auth.log']],
  ['apache access', ['elastic-examples', 'apache_logs']],
  ['fortigate', ['elastic-integrations', 'fortinet_fortigate', 'test-fortinet.log']],
  ['iptables', ['elastic-integrations', 'iptables', 'test-iptables-raw.log']],
  ['pfsense', ['elastic-integrations', 'pfsense', 'test-pfsense-bsd.log']],
  ['suricata', ['elastic-integrations', 'suricata', 'test-eve-small.log']],
  ['cef', ['elastic-integrations', 'cef', 'test-cef.log']],
  ['windows', ['evtx-attack-samples-json', 'DE_sysmon-3-rdp-tun.json']],
];

function main(): void {
  const total = Number(process.env.BENCH_PARSE_EVENTS ?? 200_000);
  const corpus = join(projectRoot(), '..', 'shared', 'corpus');
  if (!existsSync(corpus)) throw new Error(`no corpus at ${corpus}`);
  // Equal shares per format, so one verbose format cannot hide the cost of the others.
  const perFormat = MIX.map(([name, parts]) => [name, readFileSync(join(corpus, ...parts), 'utf8').split('\n').filter((l) => l.length > 0)] as const);
  const lines: string[] = [];
  for (let i = 0; lines.length < total; i++) for (const [, sample] of perFormat) if (lines.length < total) lines.push(sample[i % sample.length]!);
  const receivedAt = new Date('2026-11-30T00:00:00Z');
  const envelope = (payload: string, i: number): RawEnvelope => ({ sourceId: `src-${i % 20}`, receivedAt, transport: 'kafka', payload });
  const envelopes: RawEnvelope[] = lines.map(envelope);

  for (const envelope of envelopes.slice(0, 20_000)) parseRaw(envelope, { timeZone: 'Asia/Ho_Chi_Minh' }); // warm up the JIT
  let parsed = 0;
  const began = performance.now();
  for (const envelope of envelopes) if (parseRaw(envelope, { timeZone: 'Asia/Ho_Chi_Minh' }).ok) parsed += 1;
  const seconds = (performance.now() - began) / 1000;

  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const held: SecurityEvent[] = [];
  for (const envelope of envelopes.slice(0, 50_000)) {
    const outcome = parseRaw(envelope, { timeZone: 'Asia/Ho_Chi_Minh' });
    if (outcome.ok) held.push(outcome.event);
  }
  gc?.();
  const perThousandKiB = ((process.memoryUsage().heapUsed - heapBefore) / held.length) * 1000 / 1024;
  held.length = 0;

  // Each format alone, its share of the mix (cycled over its sample): which format makes the mix slow.
  const share = Math.ceil(total / MIX.length);
  const perFormatRates = perFormat.map(([name, sample]) => {
    const own = Array.from({ length: share }, (_, i) => envelope(sample[i % sample.length]!, i));
    const start = performance.now();
    for (const one of own) parseRaw(one, { timeZone: 'Asia/Ho_Chi_Minh' });
    return `${name} ${Math.round(share / ((performance.now() - start) / 1000))}`;
  });

  process.stdout.write(`parse input: ${total} records, ${MIX.map(([name]) => name).join(', ')} in equal shares (from ../shared/corpus); ${parsed} parsed\n`);
  process.stdout.write(
    `parse: ${Math.round(total / seconds)} ev/s on one core; memory ${Math.round(perThousandKiB)} KiB per 1k events in flight${gc ? '' : ' (no --expose-gc: approximate)'}\n`,
  );
  process.stdout.write(`parse per format (ev/s, ${share} records each): ${perFormatRates.join(', ')}\n`);
}

main();
