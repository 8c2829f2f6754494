import { performance } from 'node:perf_hooks';
import { type Indicator, IntelIndex } from '@soc/intel';
import type { SecurityEvent } from '@soc/parsers';
import { Prng } from './support/prng';

/**
 * Threat-intel matching throughput on one core: IntelIndex.matches over events shaped like the
 * province's traffic (firewall flows, proxy/web requests, DNS queries, file events), against
 * BENCH_INTEL_INDICATORS indicators (default 100000: 40% addresses and networks, 40% domains, 10% URLs,
 * 10% hashes), about 1% of events hitting. Prints figures; asserts nothing.
 * Env: BENCH_INTEL_EVENTS (default 1000000: 100000 distinct events, cycled). Run with --expose-gc for steadier figures.
 */
function main(): void {
  const indicatorCount = Number(process.env.BENCH_INTEL_INDICATORS ?? 100_000);
  const eventCount = Number(process.env.BENCH_INTEL_EVENTS ?? 1_000_000);
  const distinct = Math.min(eventCount, 100_000);
  const random = new Prng(42);
  const ip = () => `${random.int(1, 223)}.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`;
  const word = () => Math.floor(random.next() * 2 ** 40).toString(36);
  const hex = (length: number) => Array.from({ length }, () => random.int(0, 15).toString(16)).join('');

  const indicators: Indicator[] = [];
  const listed = { ips: [] as string[], domains: [] as string[], urls: [] as string[], hashes: [] as string[] };
  const base = { listId: 'feed', listName: 'Feed', severity: 'high' as const, description: null };
  for (let i = 0; i < indicatorCount; i++) {
    const share = i % 10;
    if (share < 4) {
      const address = ip();
      const cidr = i % 50 === 0;
      indicators.push({ ...base, type: 'ip', value: cidr ? `${address.split('.').slice(0, 3).join('.')}.0/${random.pick([16, 20, 24])}` : address });
      listed.ips.push(address);
    } else if (share < 8) {
      const domain = `${word()}.${random.pick(['com', 'net', 'xyz', 'vn', 'ru'])}`;
      indicators.push({ ...base, type: 'domain', value: domain });
      listed.domains.push(domain);
    } else if (share < 9) {
      const url = `http://${word()}.example/${word()}/${word()}.exe`;
      indicators.push({ ...base, type: 'url', value: url });
      listed.urls.push(url);
    } else {
      const hash = hex(64);
      indicators.push({ ...base, type: 'sha256', value: hash });
      listed.hashes.push(hash);
    }
  }
  const buildStart = performance.now();
  const index = new IntelIndex(indicators);
  const buildMs = performance.now() - buildStart;

  const hit = () => random.next() < 0.01;
  const events: SecurityEvent[] = [];
  for (let i = 0; i < distinct; i++) {
    const kind = i % 10;
    const e = { '@timestamp': '2026-03-01T00:00:00Z', event: { kind: 'event', ingested: '', original: '' }, soc: { source_id: 's', transport: 'kafka' } } as SecurityEvent;
    e.source = { ip: `10.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}` };
    e.destination = { ip: hit() ? random.pick(listed.ips) : ip() };
    e.host = { ip: ['10.0.0.1'] };
    if (kind >= 5 && kind < 8) {
      const domain = hit() ? random.pick(listed.domains) : `www.${word()}.com.vn`;
      e.url = { original: hit() ? random.pick(listed.urls) : `http://${domain}/${word()}?q=${word()}`, domain };
    } else if (kind === 8) {
      e.dns = { question: { name: hit() ? `a.${random.pick(listed.domains)}` : `${word()}.${word()}.gov.vn` } };
    } else if (kind === 9) {
      e.file = { hash: { sha256: hit() ? random.pick(listed.hashes) : hex(64), md5: hex(32) } };
    }
    events.push(e);
  }

  const now = new Date('2026-03-01T00:00:00Z');
  for (const e of events.slice(0, 50_000)) index.matches(e, now); // warm up the JIT
  (globalThis as { gc?: () => void }).gc?.();
  let hits = 0;
  const began = performance.now();
  for (let i = 0; i < eventCount; i++) hits += index.matches(events[i % distinct]!, now).length;
  const seconds = (performance.now() - began) / 1000;
  const heapMiB = process.memoryUsage().heapUsed / 2 ** 20;
  process.stdout.write(`intel index: ${index.size} indicators built in ${Math.round(buildMs)} ms; heap ${Math.round(heapMiB)} MiB after loading events\n`);
  process.stdout.write(`intel: ${Math.round(eventCount / seconds)} ev/s on one core (${eventCount} events, ${hits} hits)\n`);
}

main();
