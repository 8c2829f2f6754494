import { readFileSync } from 'node:fs';
import { parseRaw, RawEnvelope } from '@soc/parsers';
import { corpusPath } from '../../../test/support/corpus';

const ZONE = { timeZone: 'Asia/Ho_Chi_Minh' };
const envelope = (payload: string, receivedAt = new Date('2026-11-30T09:00:00Z')): RawEnvelope => ({
  sourceId: 'src-1',
  receivedAt,
  transport: 'http',
  payload,
});

describe('parseRaw: sshd over BSD syslog', () => {
  it('reads a failed password for an invalid user, in the source zone', () => {
    const line = 'Nov 30 16:40:01 web01 sshd[1234]: Failed password for invalid user admin from 203.0.113.5 port 52311 ssh2';
    const outcome = parseRaw(envelope(line), ZONE);
    if (!outcome.ok) throw new Error(outcome.reason);
    const { event } = outcome;
    // 16:40:01 in Asia/Ho_Chi_Minh (UTC+7) is 09:40:01 UTC.
    expect(event['@timestamp']).toBe('2026-11-30T09:40:01.000Z');
    expect(event.event).toMatchObject({ action: 'ssh_login', outcome: 'failure', category: ['authentication'], original: line });
    expect(event.source).toEqual({ ip: '203.0.113.5', port: 52311 });
    expect(event.user).toEqual({ name: 'admin' });
    expect(event.host).toEqual({ name: 'web01' });
    expect(event.process).toEqual({ name: 'sshd', pid: 1234 });
  });

  it('reads an accepted login as a success', () => {
    const outcome = parseRaw(envelope('Nov 30 16:40:01 web01 sshd[9]: Accepted publickey for deploy from 2001:db8::7 port 40022 ssh2'), ZONE);
    expect(outcome.ok && outcome.event.event.outcome).toBe('success');
    expect(outcome.ok && outcome.event.source?.ip).toBe('2001:db8::7');
  });

  it('counts "message repeated N times" as N attempts', () => {
    const line = 'Dec 10 07:13:56 LabSZ sshd[24227]: message repeated 5 times: [ Failed password for root from 5.36.59.76 port 42393 ssh2]';
    const outcome = parseRaw(envelope(line, new Date('2026-12-10T01:00:00Z')), ZONE);
    expect(outcome.ok && outcome.event.event).toMatchObject({ action: 'ssh_login', outcome: 'failure', count: 5 });
    expect(outcome.ok && outcome.event.user?.name).toBe('root');
  });

  it('puts a year-less December line received in January into the old year', () => {
    const outcome = parseRaw(envelope('Dec 31 23:59:59 h sshd[1]: Connection closed by 1.2.3.4 port 22', new Date('2027-01-01T00:10:00+07:00')), ZONE);
    expect(outcome.ok && outcome.event['@timestamp']).toBe('2026-12-31T16:59:59.000Z');
  });

  it('keeps the zone written in RFC 3339 stamps and the syslog priority', () => {
    const outcome = parseRaw(envelope('<38>2026-11-30T16:40:01.250+07:00 web01 sshd[1]: Invalid user bob from 198.51.100.9 port 4242'), ZONE);
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.event['@timestamp']).toBe('2026-11-30T09:40:01.250Z');
    expect(outcome.event.event.action).toBe('ssh_invalid_user');
    expect(outcome.event.log?.syslog).toEqual({ priority: 38, facility: { code: 4 }, severity: { code: 6 } });
  });

  it('keeps other syslog lines as generic events', () => {
    const outcome = parseRaw(envelope('Nov 30 16:40:01 web01 CRON[77]: (root) CMD (run-parts /etc/cron.hourly)'), ZONE);
    expect(outcome.ok && outcome.event.event.dataset).toBe('syslog');
    expect(outcome.ok && outcome.event.event.action).toBeUndefined();
  });

  it.each([
    ['', 'empty record'],
    ['hello world', 'unrecognized format: not a syslog line'],
    ['<999>Nov 30 16:40:01 h app: x', 'unrecognized format: not a syslog line'],
    ['Foo 30 16:40:01 h app: x', 'unrecognized format: not a syslog line'],
    ['Nov 30 25:40:01 h app: x', 'unrecognized format: not a syslog line'],
    ['Nov 30 16:40:01 h app: \u0000', 'record contains NUL bytes'],
  ])('rejects %j with a reason', (line, reason) => {
    expect(parseRaw(envelope(line), ZONE)).toEqual({ ok: false, reason });
  });

  it('never throws on random or truncated bytes', () => {
    const valid = 'Nov 30 16:40:01 web01 sshd[1234]: Failed password for invalid user admin from 203.0.113.5 port 52311 ssh2';
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 5000; i++) {
      const cut = valid.slice(0, Math.floor(random() * valid.length));
      const noise = Buffer.from(Array.from({ length: Math.floor(random() * 80) }, () => Math.floor(random() * 256))).toString('utf8');
      for (const payload of [cut, noise, cut + noise]) {
        const outcome = parseRaw(envelope(payload), ZONE);
        expect(typeof outcome.ok).toBe('boolean');
        if (!outcome.ok) expect(outcome.reason.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('parseRaw over the loghub OpenSSH sample (../shared/corpus)', () => {
  const file = corpusPath('loghub', 'OpenSSH_2k.log');
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0);
  const outcomes = lines.map((line) => parseRaw(envelope(line, new Date('2026-12-20T00:00:00Z')), ZONE));

  it('parses every line', () => {
    const failures = outcomes.flatMap((o, i) => (o.ok ? [] : [`${i + 1}: ${o.reason}`]));
    expect(failures).toEqual([]);
    expect(outcomes).toHaveLength(2000);
  });

  it('finds every failed-password attempt with its source IP, as grep does', () => {
    const expected = lines.filter((l) => /Failed password for .* from \d+\.\d+\.\d+\.\d+ port/.test(l));
    const failed = outcomes.filter((o) => o.ok && o.event.event.action === 'ssh_login' && o.event.event.outcome === 'failure' && o.event.source?.ip);
    // "Failed none" lines are failed logins too; grep for "Failed password" misses them.
    const failedNone = lines.filter((l) => /Failed none for .* from \S+ port/.test(l));
    expect(failed).toHaveLength(expected.length + failedNone.length);
  });
});
