import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DetectionContent, DetectionEngine, DEFAULT_DETECTION_OPTIONS, emptyDetectionState, readRuleSources, StoredEvent } from '@soc/detection';
import { parseRaw, RawEnvelope } from '@soc/parsers';
import { DEFAULT_INGEST_BATCH_SIZE, randomUuid } from '@soc/shared';
import { projectRoot } from './support/project-root';
import { sshWorkload } from './support/ssh-workload';

/**
 * The detection engine on one core (this thread): events/s through the bundled ruleset and through every
 * compilable SigmaHQ Windows rule, heap for 100k open correlation groups, and the SSH brute-force
 * correlation side by side with SEC (Simple Event Correlator) on the same input.
 * Prints figures; asserts nothing. Env: BENCH_ENGINE_EVENTS (default 200000), BENCH_SEC_EVENTS (default 200000), BENCH_SEC_ROUNDS (default 7).
 */
const ROOT = projectRoot();
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
// The workloads are stamped just before the real present (the SSH one ends a minute ago), so detection's clock is the real one.
const NOW = new Date();
const TZ = 'Asia/Ho_Chi_Minh';
// Batches as the ingest pipeline cuts them under load (INGEST_BATCH_SIZE's default).
const BATCH = DEFAULT_INGEST_BATCH_SIZE;
/** Rounds of the SEC comparison (BENCH_SEC_ROUNDS). */
const ROUNDS = Math.max(1, Number(process.env.BENCH_SEC_ROUNDS ?? 7));
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** Parsed events with ids as the ingest pipeline gives them (a random UUID each: ids are unique, as detection expects). */
function parseAll(lines: readonly string[], hint?: string): StoredEvent[] {
  const events: StoredEvent[] = [];
  const options = { timeZone: TZ };
  for (const payload of lines) {
    const envelope: RawEnvelope = { sourceId: 'src', receivedAt: NOW, transport: 'kafka', payload, formatHint: hint };
    const outcome = parseRaw(envelope, options);
    if (outcome.ok) events.push({ id: randomUuid(), event: outcome.event });
  }
  return events;
}

/**
 * Events/s of `evaluate` over `events` repeated to `total`, in batches as the pipeline sends them. Each
 * repetition gets an id of its own (made before the clock starts): an event id stands for one stored event.
 */
function throughput(engine: DetectionEngine, events: readonly StoredEvent[], total: number): { rate: number; findings: number } {
  const state = emptyDetectionState();
  const ids = Array.from({ length: total }, () => randomUuid());
  let findings = 0;
  const began = performance.now();
  for (let done = 0; done < total; done += BATCH) {
    const batch: StoredEvent[] = [];
    for (let i = done; i < Math.min(done + BATCH, total); i++) batch.push({ id: ids[i]!, event: events[i % events.length]!.event });
    findings += engine.evaluate(batch, state, 'bench', { now: NOW }).findings.length;
  }
  return { rate: total / ((performance.now() - began) / 1000), findings };
}

function sigmaWindowsSources(): Array<{ origin: string; text: string }> {
  return readRuleSources(join(CORPUS, 'sigma-rules', 'rules', 'windows'));
}

function mixedEvents(): StoredEvent[] {
  const sample = (parts: string[]) => readFileSync(join(CORPUS, ...parts), 'utf8').split('\n').filter((l) => l.length > 0);
  const windows = readdirSync(join(CORPUS, 'evtx-attack-samples-json')).flatMap((f) => sample(['evtx-attack-samples-json', f]));
  return [
    ...parseAll(sshWorkload({ events: 2000 }).records.map((r) => r.line)),
    ...parseAll(sample(['elastic-integrations', 'fortinet_fortigate', 'test-fortinet.log'])),
    ...parseAll(sample(['elastic-examples', 'apache_logs'])),
    ...parseAll(sample(['elastic-integrations', 'suricata', 'test-eve-small.log'])),
    ...parseAll(windows, 'windows-evtx-json'),
  ];
}

/** Heap held by 100k open brute-force groups (one failed login from each of 100k addresses, windows still open). */
function openGroupsHeap(content: DetectionContent): number {
  const engine = new DetectionEngine(content, DEFAULT_DETECTION_OPTIONS);
  const state = emptyDetectionState();
  const template = parseAll(['2026-11-30T05:00:00Z web01 sshd[1]: Failed password for root from 10.0.0.1 port 22 ssh2'])[0]!;
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let done = 0; done < 100_000; done += BATCH) {
    const batch: StoredEvent[] = [];
    for (let i = done; i < done + BATCH; i++) {
      const event = structuredClone(template.event);
      event.source = { ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` };
      batch.push({ id: `g${i}`, event });
    }
    engine.evaluate(batch, state, 'groups', { now: NOW });
  }
  gc();
  const held = process.memoryUsage().heapUsed - before;
  if (JSON.stringify(state).length === 0) throw new Error('unreachable: keeps the state alive until measured');
  return held;
}

/**
 * SEC on the given lines: a SingleWithThreshold rule, 5 failures from one address within 60 s. The input
 * and rule are written once; each `run` reads them afresh and gives SEC's rate with and without its
 * start-up (perl, SEC and the rule compiled: a run over a single line, timed once). Ours is measured warm,
 * as a long-running server is; SEC runs as a daemon too, so its start-up is not part of its rate.
 * A string when SEC cannot run here.
 */
function secRunner(lines: readonly string[]): { run(): { rate: number; rawRate: number; alerts: number }; startupMs: number; close(): void } | string {
  const fetched = spawnSync(join(ROOT, 'deploy', 'sec', 'fetch.sh'), { encoding: 'utf8' });
  if (fetched.status !== 0) return `sec unavailable (${fetched.stderr.trim() || 'fetch failed'})`;
  const sec = fetched.stdout.trim();
  const dir = mkdtempSync(join(tmpdir(), 'soc-sec-'));
  const output = join(dir, 'alerts.txt');
  const conf = join(dir, 'ssh.conf');
  writeFileSync(
    conf,
    [
      'type=SingleWithThreshold',
      'ptype=RegExp',
      'pattern=sshd\\[\\d+\\]: Failed password for (?:invalid user )?\\S+ from ([\\d.]+) port',
      'desc=SSH brute force from $1',
      `action=write ${output} SSH brute force from $1`,
      'window=60',
      'thresh=5',
      '',
    ].join('\n'),
  );
  const timed = (input: string): number => {
    writeFileSync(output, '');
    const began = performance.now();
    const run = spawnSync('perl', [sec, `--conf=${conf}`, `--input=${input}`, '--notail', '--nointevents', '--log=/dev/null'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`sec failed: ${run.stderr.trim()}`);
    return performance.now() - began;
  };
  const input = join(dir, 'auth.log');
  writeFileSync(input, lines.join('\n') + '\n');
  const one = join(dir, 'one.log');
  writeFileSync(one, `${lines[0]}\n`);
  const startupMs = median([timed(one), timed(one), timed(one)]);
  return {
    startupMs,
    run() {
      const ms = timed(input);
      const alerts = readFileSync(output, 'utf8').split('\n').filter((l) => l.length > 0).length;
      // (A run shorter than the start-up measured, possible on a tiny input, counts as 1 ms of work.)
      return { rate: lines.length / (Math.max(ms - startupMs, 1) / 1000), rawRate: lines.length / (ms / 1000), alerts };
    },
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

const median = (values: readonly number[]): number => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;

function main(): void {
  // The SEC comparison first, on a clean heap: what the other measurements leave behind (thousands of compiled
  // rules, event samples) would otherwise be GC work charged to our side.
  compareWithSec();
  const total = Number(process.env.BENCH_ENGINE_EVENTS ?? 200_000);
  const bundled = DetectionContent.compile(readRuleSources(join(ROOT, 'rules')));
  const windows = DetectionContent.compile([...readRuleSources(join(ROOT, 'rules')), ...sigmaWindowsSources()]);
  const events = mixedEvents();
  for (const [name, content] of [['bundled ruleset', bundled], ['bundled + SigmaHQ windows', windows]] as const) {
    const engine = new DetectionEngine(content, DEFAULT_DETECTION_OPTIONS);
    throughput(engine, events, Math.min(total, 20_000)); // warm up the JIT
    const { rate, findings } = throughput(new DetectionEngine(content, DEFAULT_DETECTION_OPTIONS), events, total);
    process.stdout.write(`engine: ${Math.round(rate)} ev/s on one core, ${name} (${content.rules.size} rules, ${content.issues.length} not loaded; ${total} events, ${findings} alert changes)\n`);
  }
  process.stdout.write(`engine memory: ${(openGroupsHeap(bundled) / 2 ** 20).toFixed(1)} MiB heap for 100k open correlation groups\n`);
}

/** The SSH brute-force correlation, ours (parse + detect, one core) and SEC's, on the same sshd lines. */
function compareWithSec(): void {
  const secEvents = Number(process.env.BENCH_SEC_EVENTS ?? 200_000);
  const lines = sshWorkload({ events: secEvents }).records.map((r) => r.line);
  const ssh = DetectionContent.compile(readRuleSources(join(ROOT, 'rules', 'linux')).filter((s) => /ssh_(failed_login|brute_force)/.test(s.origin)));
  // Both sides start from bytes: SEC reads a file, we decode each record's value as the Kafka consumer does.
  const records = lines.map((line) => Buffer.from(line, 'utf8'));
  const run = (input: readonly Buffer[]): { ms: number; created: number } => {
    const engine = new DetectionEngine(ssh, { ...DEFAULT_DETECTION_OPTIONS, latenessMs: 0 });
    const state = emptyDetectionState();
    let created = 0;
    const began = performance.now();
    for (let done = 0; done < input.length; done += BATCH) {
      // As a registered auth-log source is: with the linux-auth format hint (SEC's rule is sshd-specific too).
      const batch = parseAll(input.slice(done, done + BATCH).map((record) => record.toString('utf8')), 'linux-auth');
      created += engine.evaluate(batch, state, 'sec', { now: NOW }).findings.filter((f) => f.change === 'created').length;
    }
    return { ms: performance.now() - began, created };
  };
  run(records); // warm up the JIT on the whole input, as a server that has run for a while is
  const sec = secRunner(lines);
  if (typeof sec === 'string') {
    process.stdout.write(`engine-vs-sec: ours ${Math.round(lines.length / (run(records).ms / 1000))} ev/s; ${sec}\n`);
    return;
  }
  // Rounds of the two back to back: this machine's speed drifts over seconds, and a round compares them
  // in the same stretch; which goes first alternates, so a drift favours neither. The line gives the medians.
  const rounds: Array<{ ours: number; sec: number; secRaw: number; created: number; alerts: number }> = [];
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      const theirsFirst = round % 2 === 1 ? sec.run() : undefined;
      const { ms, created } = run(records);
      const { rate, rawRate, alerts } = theirsFirst ?? sec.run();
      rounds.push({ ours: lines.length / (ms / 1000), sec: rate, secRaw: rawRate, created, alerts });
    }
  } finally {
    sec.close();
  }
  const ours = median(rounds.map((r) => r.ours));
  const theirs = median(rounds.map((r) => r.sec));
  const theirsRaw = median(rounds.map((r) => r.secRaw));
  process.stdout.write(`engine-vs-sec: ours ${Math.round(ours)} ev/s; sec ${Math.round(theirs)} ev/s; ratio ${(ours / theirs).toFixed(2)}\n`);
  process.stdout.write(
    `engine-vs-sec detail: ${lines.length} sshd lines, decode + parse (source hint linux-auth) + a UUID per event + detect on event time in batches of ${BATCH} (ours, ${rounds[0]!.created} alerts) ` +
      `vs regex + count on arrival time (SEC, ${rounds[0]!.alerts} alerts: its window is the wall clock, which a file read in seconds does not span); ` +
      `${ROUNDS} rounds, ratio per round ${rounds.map((r) => (r.ours / r.sec).toFixed(2)).join(', ')}; SEC's start-up ${Math.round(sec.startupMs)} ms left out ` +
      `(with it: sec ${Math.round(theirsRaw)} ev/s, ratio ${(ours / theirsRaw).toFixed(2)})\n`,
  );
}

main();
