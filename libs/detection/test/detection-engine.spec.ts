import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DetectionContent, DetectionEngine, DEFAULT_DETECTION_OPTIONS, emptyDetectionState, StoredEvent } from '@soc/detection';
import { parseRaw } from '@soc/parsers';

const RULES = join(__dirname, '..', '..', '..', 'rules', 'linux');
const content = DetectionContent.compile(['ssh_failed_login.yml', 'ssh_brute_force.yml'].map((f) => ({ origin: f, text: readFileSync(join(RULES, f), 'utf8') })));
const now = new Date('2026-11-30T12:00:00Z');
let n = 0;
const sshd = (second: number, ip: string, agency: string | null = 'so-a'): StoredEvent => {
  const outcome = parseRaw(
    { sourceId: 's', receivedAt: now, transport: 'http', payload: `2026-11-30T09:40:${String(second).padStart(2, '0')}Z web01 sshd[1]: Failed password for root from ${ip} port 22 ssh2` },
    { timeZone: 'UTC' },
  );
  if (!outcome.ok) throw new Error(outcome.reason);
  outcome.event.soc.agency_id = agency;
  return { id: `e${++n}`, event: outcome.event };
};

describe('DetectionEngine', () => {
  it('loads the bundled SSH rules with no issue', () => {
    expect(content.issues).toEqual([]);
    expect(content.info('soc.ssh.brute_force')).toMatchObject({ kind: 'correlation', severity: 'high', author: 'SOC tỉnh (provincial SOC)' });
  });

  it('raises the brute-force correlation once the fifth failure is final, and not the failed logins alone', () => {
    const engine = new DetectionEngine(content, { ...DEFAULT_DETECTION_OPTIONS, latenessMs: 0 });
    const state = emptyDetectionState();
    expect(engine.evaluate([0, 1, 2, 3].map((s) => sshd(s, '203.0.113.5')), state, 'x', { now }).findings).toEqual([]);
    const { findings } = engine.evaluate([sshd(4, '203.0.113.5')], state, 'x', { now });
    expect(findings).toEqual([
      expect.objectContaining({ change: 'created', ruleId: 'soc.ssh.brute_force', kind: 'correlation', eventCount: 5, entities: expect.objectContaining({ sourceIp: '203.0.113.5', agencyId: 'so-a' }) }),
    ]);
  });

  it("names every user, host and system of a brute force's events and their highest security level, across batches and past the id sample", () => {
    const engine = new DetectionEngine(content, { ...DEFAULT_DETECTION_OPTIONS, latenessMs: 0, maxEventIds: 4 });
    const state = emptyDetectionState();
    const attempt = (second: number, user: string, host: string, system: string, level: number): StoredEvent => {
      const stored = sshd(second, '198.51.100.23');
      Object.assign(stored.event, { user: { name: user }, host: { name: host } });
      Object.assign(stored.event.soc, { system_id: system, security_level: level });
      return stored;
    };
    engine.evaluate([attempt(0, 'root', 'web01', 'sys-web', 2), attempt(1, 'root', 'web01', 'sys-web', 2)], state, 'x', { now });
    // The middle events fall out of the 4-id sample; their users and the level-4 system still count.
    engine.evaluate([attempt(2, 'oracle', 'db01', 'sys-db', 4), attempt(3, 'admin', 'web01', 'sys-web', 2)], state, 'x', { now });
    const { findings } = engine.evaluate([attempt(4, 'root', 'web01', 'sys-web', 2), attempt(5, 'root', 'web01', 'sys-web', 2)], state, 'x', { now });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.eventIds).toHaveLength(4);
    expect(findings[0]!.entities).toEqual({
      sourceIp: '198.51.100.23',
      agencyId: 'so-a',
      userNames: ['root', 'oracle', 'admin'],
      hostNames: ['web01', 'db01'],
      systemIds: ['sys-web', 'sys-db'],
      securityLevel: 4,
    });
  });
});

describe('DetectionContent: rule ids', () => {
  it('refuses a second rule under an id already loaded, naming where the first came from', () => {
    const text = readFileSync(join(RULES, 'ssh_failed_login.yml'), 'utf8');
    const twice = DetectionContent.compile([
      { origin: 'a.yml', text },
      { origin: 'b.yml', text: text.replace('ff814084-02d2-480f-b402-2385b5eb09e2', '0b7f6a3e-1111-4c2d-9e8f-aaaaaaaaaaaa') },
    ]);
    expect(twice.issues).toEqual([expect.objectContaining({ origin: 'b.yml', ruleId: 'soc.ssh.failed_login', reason: expect.stringContaining('first loaded from a.yml') })]);
    expect(twice.ruleSet.rules).toHaveLength(1);
  });
});

describe('DetectionEngine: single-event alerts', () => {
  const rootLogin = DetectionContent.compile([
    {
      origin: 'root.yml',
      text: [
        'title: Root login',
        'name: t.root_login',
        'logsource: { product: linux, service: sshd }',
        'detection:',
        '  selection: { event.action: ssh_login, user.name: root }',
        '  condition: selection',
        'level: high',
      ].join('\n'),
    },
  ]);
  const failures = (count: number, ip: string, startSecond = 0) => Array.from({ length: count }, (_, i) => sshd((startSecond + i) % 60, ip));

  it('updates the open alert on repeats (suppression), keeping the first and last event ids past the cap with the exact count', () => {
    const engine = new DetectionEngine(rootLogin, { ...DEFAULT_DETECTION_OPTIONS, maxEventIds: 10 });
    const state = emptyDetectionState();
    const [created] = engine.evaluate(failures(3, '198.51.100.1'), state, 'x', { now }).findings;
    expect(created).toMatchObject({ change: 'created', ruleId: 't.root_login', kind: 'rule', eventCount: 3, matches: expect.arrayContaining([{ selection: 'selection', field: 'user.name', value: 'root' }]) });
    const batch = failures(20, '198.51.100.1', 3);
    const [updated] = engine.evaluate(batch, state, 'x', { now }).findings;
    expect(updated).toMatchObject({ change: 'updated', fingerprint: created!.fingerprint, eventCount: 23 });
    expect(updated!.eventIds).toEqual([...created!.eventIds, ...batch.slice(0, 2).map((e) => e.id), ...batch.slice(-5).map((e) => e.id)]);
  });

  it('honours an exception until it expires, and a per-agency switch', () => {
    const exception = { id: 'x1', ruleId: 't.root_login', agencyId: null, field: 'source.ip', values: ['198.51.100.9'], expiresAt: new Date('2026-12-31T00:00:00Z'), author: 'an', reason: 'scanner' };
    const run = (context: Partial<Parameters<DetectionEngine['evaluate']>[3]>) =>
      new DetectionEngine(rootLogin).evaluate(failures(1, '198.51.100.9'), emptyDetectionState(), 'x', { now, ...context }).findings.length;
    expect(run({})).toBe(1);
    expect(run({ exceptions: [exception] })).toBe(0);
    expect(run({ exceptions: [{ ...exception, expiresAt: new Date('2026-11-01T00:00:00Z') }] })).toBe(1);
    expect(run({ isEnabled: (ruleId, agencyId) => !(ruleId === 't.root_login' && agencyId === 'so-a') })).toBe(0);
  });
});

describe('DetectionEngine: event time', () => {
  it('does not let a record without a time of its own (stamped on receipt) move event time on', () => {
    const engine = new DetectionEngine(content, { ...DEFAULT_DETECTION_OPTIONS, latenessMs: 0 });
    const state = emptyDetectionState();
    const untimed = parseRaw({ sourceId: 's', receivedAt: now, transport: 'http', payload: '{"msg":"health check ok"}' }, { timeZone: 'UTC' });
    if (!untimed.ok) throw new Error(untimed.reason);
    engine.evaluate([{ id: 'u', event: untimed.event }], state, 'x', { now });
    const { findings } = engine.evaluate([0, 1, 2, 3, 4].map((s) => sshd(s, '203.0.113.77')), state, 'x', { now });
    expect(findings.map((f) => f.ruleId)).toEqual(['soc.ssh.brute_force']);
    expect(state.lateEvents).toBe(0);
  });
});

describe('DetectionEngine: repeated messages', () => {
  it('counts a "message repeated N times" record as N failures in a correlation', () => {
    const engine = new DetectionEngine(content, { ...DEFAULT_DETECTION_OPTIONS, latenessMs: 0 });
    const repeated = parseRaw(
      { sourceId: 's', receivedAt: now, transport: 'http', payload: '2026-11-30T09:40:10Z web01 sshd[1]: message repeated 4 times: [ Failed password for root from 203.0.113.88 port 22 ssh2]' },
      { timeZone: 'UTC' },
    );
    if (!repeated.ok) throw new Error(repeated.reason);
    expect(repeated.event.event.count).toBe(4);
    repeated.event.soc.agency_id = 'so-a';
    const { findings } = engine.evaluate([sshd(9, '203.0.113.88'), { id: 'r', event: repeated.event }], emptyDetectionState(), 'x', { now });
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'soc.ssh.brute_force', eventCount: 5, eventIds: [expect.any(String), 'r'] })]);
  });
});
