import { readFileSync } from 'node:fs';
import { parseRaw, ParseOutcome } from '@soc/parsers';
import { corpusPath } from '../../../../test/support/corpus';

const parseAll = (lines: string[], receivedAt: Date): ParseOutcome[] =>
  lines.map((payload) => parseRaw({ sourceId: 's', receivedAt, transport: 'syslog', payload }, { timeZone: 'UTC' }));
const readLines = (...parts: string[]): string[] => readFileSync(corpusPath(...parts), 'utf8').split('\n').filter((l) => l.length > 0);
const failures = (outcomes: ParseOutcome[]): string[] => outcomes.flatMap((o, i) => (o.ok ? [] : [`${i + 1}: ${o.reason}`]));
const countWhere = (outcomes: ParseOutcome[], test: (event: Extract<ParseOutcome, { ok: true }>['event']) => boolean): number =>
  outcomes.filter((o) => o.ok && test(o.event)).length;

describe('linux-auth over elastic-examples auth.log (real Ubuntu host)', () => {
  const lines = readLines('elastic-examples', 'auth.log');
  const outcomes = parseAll(lines, new Date('2017-04-10T00:00:00Z'));

  it('parses all 7121 lines', () => {
    expect(lines).toHaveLength(7121);
    expect(failures(outcomes)).toEqual([]);
  });

  it('finds each failed password once as ssh_login, and never counts PAM failures as ssh_login', () => {
    const failed = lines.filter((l) => / sshd\[\d+\]: Failed \S+ for /.test(l)).length;
    const repeatedFailed = lines
      .map((l) => / sshd\[\d+\]: message repeated (\d+) times: \[ Failed \S+ for /.exec(l))
      .reduce((sum, m) => sum + (m ? Number(m[1]) : 0), 0);
    const events = outcomes.flatMap((o) => (o.ok && o.event.event.action === 'ssh_login' && o.event.event.outcome === 'failure' ? [o.event] : []));
    expect(events.reduce((sum, e) => sum + (e.event.count ?? 1), 0)).toBe(failed + repeatedFailed);
    const pamFailures = lines.filter((l) => /pam_unix\(sshd:auth\): authentication failure/.test(l)).length;
    expect(countWhere(outcomes, (e) => e.event.action === 'pam_authentication_failure' && e.process?.name === 'sshd')).toBeGreaterThanOrEqual(pamFailures);
  });

  it('reads accepted logins, sudo commands, logind sessions and account creation', () => {
    expect(countWhere(outcomes, (e) => e.event.action === 'ssh_login' && e.event.outcome === 'success')).toBe(lines.filter((l) => /sshd\[\d+\]: Accepted /.test(l)).length);
    expect(countWhere(outcomes, (e) => e.process?.name === 'sudo' && e.user?.effective?.name === 'root' && e.vendor?.['linux-auth']?.sudo !== undefined)).toBe(
      lines.filter((l) => / sudo: +\S+ : .*COMMAND=/.test(l)).length,
    );
    expect(countWhere(outcomes, (e) => e.event.action === 'logind_session_new' && e.user?.name !== undefined)).toBe(lines.filter((l) => /New session \S+ of user/.test(l)).length);
    expect(countWhere(outcomes, (e) => e.event.category?.[0] === 'iam' && e.event.type?.join() === 'user,creation' && e.event.outcome === 'success')).toBe(
      lines.filter((l) => /useradd\[\d+\]: new user: /.test(l)).length,
    );
    expect(countWhere(outcomes, (e) => e.event.action === 'su' && e.event.outcome === 'success' && e.user?.effective?.name === 'root')).toBeGreaterThan(0);
  });
});

describe('linux-auth over loghub Linux_2k.log (/var/log/messages with prog(pam_unix) tags)', () => {
  const lines = readLines('loghub', 'Linux_2k.log');
  const outcomes = parseAll(lines, new Date('2026-07-01T00:00:00Z'));

  it('parses all 2000 lines', () => {
    expect(failures(outcomes)).toEqual([]);
    expect(outcomes).toHaveLength(2000);
  });

  it('reads every sshd(pam_unix) authentication failure with its remote host', () => {
    const expected = lines.filter((l) => /sshd\(pam_unix\)\[\d+\]: authentication failure;/.test(l)).length;
    expect(expected).toBeGreaterThan(400);
    expect(
      countWhere(outcomes, (e) => e.event.action === 'pam_authentication_failure' && e.process?.name === 'sshd' && (e.source?.ip ?? e.source?.domain) !== undefined),
    ).toBe(expected);
    expect(countWhere(outcomes, (e) => e.event.action === 'ssh_login')).toBe(0);
  });

  it('reads su(pam_unix) sessions', () => {
    expect(countWhere(outcomes, (e) => e.process?.name === 'su' && e.event.action === 'session_opened' && e.user?.name !== undefined)).toBe(
      lines.filter((l) => /su\(pam_unix\)\[\d+\]: session opened for user/.test(l)).length,
    );
  });
});

describe('linux-auth over the Wazuh ruleset tests', () => {
  const wazuhLines = (file: string): string[] =>
    readLines('wazuh-ruleset-tests', file).flatMap((l) => {
      const m = /^log \d+ (?:pass|fail) = (.*)$/.exec(l);
      return m ? [m[1]!] : [];
    });

  it.each(['sshd.ini', 'pam.ini', 'su.ini', 'sudo.ini', 'systemd.ini'])('parses every line of %s', (file) => {
    const outcomes = parseAll(wazuhLines(file), new Date('2026-06-01T00:00:00Z'));
    expect(failures(outcomes)).toEqual([]);
  });

  it('reads every sudo.ini command line with both users', () => {
    const outcomes = parseAll(wazuhLines('sudo.ini'), new Date('2026-06-01T00:00:00Z'));
    expect(countWhere(outcomes, (e) => e.user?.name !== undefined && e.user.effective?.name === 'root')).toBe(outcomes.length);
    expect(countWhere(outcomes, (e) => e.event.outcome === 'failure')).toBe(3);
  });

  it('reads every su.ini switch with its outcome', () => {
    const outcomes = parseAll(wazuhLines('su.ini'), new Date('2026-06-01T00:00:00Z'));
    const su = outcomes.flatMap((o) => (o.ok && o.event.event.action === 'su' ? [o.event.event.outcome] : []));
    expect(su).toEqual(['failure', 'failure', 'success']);
  });
});
