import { DetectableEvent, emptySshBruteForceState, SshBruteForceRule } from '@soc/detection';

const S = 'stream-a';
const T0 = Date.parse('2026-11-30T09:00:00Z');
let nextId = 0;
const failure = (offsetSec: number, ip = '203.0.113.5', extra: Partial<DetectableEvent> = {}): DetectableEvent => ({
  id: `e${++nextId}`,
  timestampMs: T0 + offsetSec * 1000,
  action: 'ssh_login',
  outcome: 'failure',
  sourceIp: ip,
  agencyId: 'agency-a',
  systemId: null,
  securityLevel: null,
  count: 1,
  ...extra,
});

describe('SshBruteForceRule (5 failures from one IP within 60 s, event time)', () => {
  const rule = new SshBruteForceRule();

  it('alerts on the fifth failure within the window, not before', () => {
    const state = emptySshBruteForceState();
    expect(rule.evaluate([0, 10, 20, 30].map((s) => failure(s)), state, S)).toEqual([]);
    const [finding] = rule.evaluate([failure(40)], state, S);
    expect(finding).toMatchObject({ change: 'created', eventCount: 5, ruleId: 'soc.ssh.brute_force' });
    expect(finding!.firstSeen).toBe('2026-11-30T09:00:00.000Z');
    expect(finding!.lastSeen).toBe('2026-11-30T09:00:40.000Z');
    expect(finding!.eventIds).toHaveLength(5);
  });

  it('does not alert on five failures spread over more than 60 s', () => {
    const state = emptySshBruteForceState();
    expect(rule.evaluate([0, 20, 40, 61, 75].map((s) => failure(s)), state, S)).toEqual([]);
  });

  it('does not alert on a user mistyping a password four times', () => {
    expect(rule.evaluate([0, 5, 9, 14].map((s) => failure(s)), emptySshBruteForceState(), S)).toEqual([]);
  });

  it('ignores successes, other IPs and other actions', () => {
    const events = [
      failure(0), failure(1), failure(2), failure(3),
      failure(4, '198.51.100.1'),
      failure(5, '203.0.113.5', { outcome: 'success' }),
      failure(6, '203.0.113.5', { action: 'ssh_invalid_user' }),
    ];
    expect(rule.evaluate(events, emptySshBruteForceState(), S)).toEqual([]);
  });

  it('gives the same alert whatever the batch boundaries and arrival order', () => {
    const events = [0, 5, 10, 15, 20, 25, 30].map((s) => failure(s));
    const shuffled = [events[3]!, events[0]!, events[6]!, events[1]!, events[5]!, events[2]!, events[4]!];
    const inOne = rule.evaluate(events, emptySshBruteForceState(), S);
    const state = emptySshBruteForceState();
    const inPieces = [shuffled.slice(0, 2), shuffled.slice(2, 5), shuffled.slice(5)].flatMap((batch) => rule.evaluate(batch, state, S));
    const last = (findings: typeof inOne) => findings[findings.length - 1]!;
    expect(last(inPieces)).toMatchObject({ fingerprint: last(inOne).fingerprint, eventCount: 7, firstSeen: last(inOne).firstSeen, lastSeen: last(inOne).lastSeen });
  });

  it('extends one open alert while the burst continues, then starts a new one after a quiet window', () => {
    const state = emptySshBruteForceState();
    const burst = rule.evaluate([0, 1, 2, 3, 4, 5, 50, 100].map((s) => failure(s)), state, S);
    expect(burst).toHaveLength(1);
    expect(burst[0]).toMatchObject({ change: 'created', eventCount: 8 });
    const later = rule.evaluate([300, 301, 302, 303, 304].map((s) => failure(s)), state, S);
    expect(later).toHaveLength(1);
    expect(later[0]!.change).toBe('created');
    expect(later[0]!.fingerprint).not.toBe(burst[0]!.fingerprint);
    expect(rule.evaluate([305].map((s) => failure(s)), state, S)[0]).toMatchObject({ change: 'updated', eventCount: 6 });
  });

  it('counts "message repeated N times" records as N attempts', () => {
    const [finding] = rule.evaluate([failure(0, '203.0.113.5', { count: 5 })], emptySshBruteForceState(), S);
    expect(finding).toMatchObject({ eventCount: 5, eventIds: ['e' + nextId] });
  });

  it('survives a JSON checkpoint in the middle of a window', () => {
    const state = emptySshBruteForceState();
    rule.evaluate([0, 10, 20].map((s) => failure(s)), state, S);
    const restored = JSON.parse(JSON.stringify(state)) as typeof state;
    expect(rule.evaluate([30, 40].map((s) => failure(s)), restored, S)[0]).toMatchObject({ change: 'created', eventCount: 5 });
  });

  it('forgets quiet sources and evicts the stalest past its cap, counting evictions', () => {
    const small = new SshBruteForceRule({ threshold: 5, windowMs: 60_000, maxEventIds: 10, maxTrackedSources: 2 });
    const state = emptySshBruteForceState();
    small.evaluate([failure(0, '10.0.0.1'), failure(1, '10.0.0.2'), failure(2, '10.0.0.3')], state, S);
    expect(Object.keys(state.sources).sort()).toEqual(['agency-a|10.0.0.2', 'agency-a|10.0.0.3']);
    expect(state.evicted).toBe(1);
    small.evaluate([failure(1000, '10.0.0.4')], state, S);
    expect(Object.keys(state.sources)).toEqual(['agency-a|10.0.0.4']);
  });

  it('keeps agencies apart: one agency\'s alert never counts another agency\'s events', () => {
    const state = emptySshBruteForceState();
    const agencyB = (second: number) => failure(second, '203.0.113.5', { agencyId: 'agency-b' });
    // Eight attempts from one address, but only four per agency: no alert.
    expect(rule.evaluate([0, 1, 2, 3].map((s) => failure(s)).concat([4, 5, 6, 7].map(agencyB)), state, S)).toEqual([]);
    const [finding] = rule.evaluate([agencyB(8)], state, S);
    expect(finding).toMatchObject({ change: 'created', eventCount: 5, entities: { sourceIp: '203.0.113.5', agencyId: 'agency-b' } });
  });

  it('names the systems attacked and ranks the alert by the highest security level among them', () => {
    const state = emptySshBruteForceState();
    const on = (second: number, systemId: string | null, securityLevel: number | null) => failure(second, '198.51.100.4', { systemId, securityLevel });
    const [finding] = rule.evaluate([on(0, 'mail', 2), on(1, 'dvc', 4), on(2, null, null), on(3, 'mail', 2), on(4, 'dvc', 4)], state, S);
    expect(finding!.entities).toMatchObject({ systemIds: ['mail', 'dvc'], securityLevel: 4 });
    const [unknown] = rule.evaluate([0, 1, 2, 3, 4].map((s) => failure(s, '198.51.100.5')), state, S);
    expect(unknown!.entities).toMatchObject({ systemIds: [], securityLevel: null });
  });
});
