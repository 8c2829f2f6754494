import { AlertFinding, DetectionContent, LineReplay, replayAlertView, replayLines } from '@soc/detection';

/** An alert's figures, without whether it grew after it was raised. */
function figures(alert: AlertFinding): Partial<AlertFinding> {
  const copy: Partial<AlertFinding> = { ...alert };
  delete copy.change;
  return copy;
}

const FAILED = `
title: Failed SSH login
id: 0b5c6a43-3f0e-4f57-9d7e-0a1c2b3d4e01
name: test.ssh.failed
author: Test
logsource: { product: linux, service: sshd }
detection:
  selection: { event.action: ssh_login, event.outcome: failure }
  condition: selection
level: low
`;
const BURST = `
title: Three failed SSH logins
id: 0b5c6a43-3f0e-4f57-9d7e-0a1c2b3d4e02
name: test.ssh.burst
author: Test
tags: [attack.credential_access, attack.t1110.001]
correlation:
  type: event_count
  rules: [test.ssh.failed]
  group-by: [source.ip]
  timespan: 60s
  condition: { gte: 3 }
level: high
`;
const TRAVERSAL = `
title: Path traversal
id: 0b5c6a43-3f0e-4f57-9d7e-0a1c2b3d4e03
name: test.web.traversal
author: Test
logsource: { category: webserver }
detection:
  selection: { url.original|contains: '../../' }
  condition: selection
level: high
`;
const content = DetectionContent.compile([
  { origin: 'failed.yml', text: FAILED },
  { origin: 'burst.yml', text: BURST },
  { origin: 'traversal.yml', text: TRAVERSAL },
]);
const now = new Date('2026-12-01T00:00:00Z');
const failed = (second: number, ip = '203.0.113.5') => `2026-11-28T02:14:${String(second).padStart(2, '0')}+07:00 web01 sshd[7]: Failed password for root from ${ip} port 4000 ssh2`;
const web = (second: number, path: string) => `203.0.113.9 - - [28/Nov/2026:02:20:${String(second).padStart(2, '0')} +0700] "GET ${path} HTTP/1.1" 404 512 "-" "Mozilla/5.0"`;

describe('replayLines', () => {
  it('compiles the test rules', () => {
    expect(content.issues).toEqual([]);
  });

  it('counts records, skips blank lines, and reports each unparsed line with where it was and why', () => {
    const result = replayLines([failed(1), '', 'not a log line at all', '   ', failed(2)], content, { now });
    expect(result).toMatchObject({ events: 3, parsed: 2, alerts: [] });
    expect(result.deadLetters).toEqual([{ line: 'line:3', reason: expect.stringContaining('unrecognized format'), text: 'not a log line at all' }]);
  });

  it('names events after their input and line, so alerts point back at the lines behind them', () => {
    const replay = new LineReplay(content, { now });
    for (const line of [failed(1), 'garbage', failed(2), failed(3)]) replay.add(line, 'auth.log');
    const { alerts, deadLetters } = replay.finish();
    expect(deadLetters.map((d) => d.line)).toEqual(['auth.log:2']);
    expect(alerts).toEqual([expect.objectContaining({ ruleId: 'test.ssh.burst', eventIds: ['auth.log:1', 'auth.log:3', 'auth.log:4'] })]);
  });

  it('merges a correlation alert created in one batch and extended in later ones into its final figures', () => {
    const lines = [1, 2, 3, 4, 5, 6, 7, 8].map((s) => failed(s));
    const inBatchesOfTwo = replayLines(lines, content, { now, batchSize: 2 });
    const atOnce = replayLines(lines, content, { now });
    expect(inBatchesOfTwo.alerts).toHaveLength(1);
    expect(inBatchesOfTwo.alerts[0]).toMatchObject({
      change: 'updated',
      ruleId: 'test.ssh.burst',
      eventCount: 8,
      firstSeen: '2026-11-27T19:14:01.000Z',
      lastSeen: '2026-11-27T19:14:08.000Z',
      entities: expect.objectContaining({ sourceIp: '203.0.113.5', agencyId: null }),
    });
    // Input in event-time order gives the same result whatever the batching.
    expect(figures(inBatchesOfTwo.alerts[0]!)).toEqual(figures(atOnce.alerts[0]!));
    expect(atOnce.alerts[0]!.change).toBe('created');
  });

  it('merges repeats of a single-event rule on the same entities into one alert, and keeps other entities apart', () => {
    const { alerts } = replayLines([web(1, '/a?f=../../etc/passwd'), web(2, '/b?f=../../boot.ini'), failed(3, '198.51.100.1')], content, { now });
    expect(alerts).toEqual([expect.objectContaining({ ruleId: 'test.web.traversal', eventCount: 2, kind: 'rule', eventIds: ['line:1', 'line:2'] })]);
  });

  it('judges everything by the last line, without waiting for a lateness budget', () => {
    // Exactly at the threshold, on the very last line: a live stream with 60 s lateness would still wait.
    expect(replayLines([failed(1), failed(2), failed(3)], content, { now }).alerts).toHaveLength(1);
    expect(replayLines([failed(1), failed(2)], content, { now }).alerts).toHaveLength(0);
  });

  it('takes order into account: a record older than an earlier batch is late, reported and not correlated', () => {
    const lines = [failed(10), failed(11), failed(5), failed(6), failed(12)];
    const late = replayLines(lines, content, { now, batchSize: 1 });
    expect(late.health).toEqual([expect.objectContaining({ kind: 'late_events', count: 2 })]);
    // Only the three on-time failures (lines 1, 2, 5) are counted.
    expect(late.alerts).toEqual([expect.objectContaining({ ruleId: 'test.ssh.burst', eventCount: 3, eventIds: ['line:1', 'line:2', 'line:5'] })]);
    // The same records in event-time order do correlate.
    const sorted = replayLines([failed(5), failed(6), failed(10), failed(11), failed(12)], content, { now, batchSize: 1 });
    expect(sorted.health).toEqual([]);
    expect(sorted.alerts).toEqual([expect.objectContaining({ ruleId: 'test.ssh.burst', eventCount: 5 })]);
  });

  it('never splits same-second records across batches (they would be late)', () => {
    const sameSecond = [1, 1, 1, 1].map((s) => failed(s));
    const result = replayLines(sameSecond, content, { now, batchSize: 1 });
    expect(result.health).toEqual([]);
    expect(result.alerts).toEqual([expect.objectContaining({ eventCount: 4 })]);
  });

  it('reads year-less stamps relative to `now` and does not correlate events stamped after it', () => {
    const bsd = (second: number) => `Nov 28 02:14:0${second} web01 sshd[7]: Failed password for root from 203.0.113.5 port 4000 ssh2`;
    const lines = [1, 2, 3].map(bsd);
    expect(replayLines(lines, content, { now }).alerts[0]).toMatchObject({ firstSeen: '2026-11-27T19:14:01.000Z' });
    const before = replayLines(lines, content, { now: new Date('2026-11-27T00:00:00Z') });
    expect(before.alerts).toEqual([]);
    expect(before.health).toEqual([expect.objectContaining({ kind: 'future_events', count: 3 })]);
  });
});

describe('replayAlertView', () => {
  it('shows an alert as the API does, less what only the alert store assigns', () => {
    const [alert] = replayLines([failed(1), failed(2), failed(3)], content, { now }).alerts;
    const view = replayAlertView(alert!);
    expect(view).toEqual({
      ruleId: 'test.ssh.burst',
      title: 'Three failed SSH logins',
      severity: 'high',
      fingerprint: alert!.fingerprint,
      sourceIp: '203.0.113.5',
      agencyId: null,
      securityLevel: null,
      firstSeen: '2026-11-27T19:14:01.000Z',
      lastSeen: '2026-11-27T19:14:03.000Z',
      eventCount: 3,
      eventIds: ['line:1', 'line:2', 'line:3'],
      tags: ['attack.credential_access', 'attack.t1110.001'],
      entities: { sourceIp: '203.0.113.5', agencyId: null, userNames: ['root'], hostNames: ['web01'], systemIds: [], securityLevel: null },
      explanation: expect.stringContaining('3 events with source.ip=203.0.113.5'),
      kind: 'correlation',
      author: 'Test',
      groupBy: { 'source.ip': '203.0.113.5' },
    });
    expect(view).not.toHaveProperty('change');
  });
});
