import { readFileSync } from 'node:fs';
import { parseRaw, SecurityEvent } from '@soc/parsers';
import { corpusPath } from '../../../../test/support/corpus';

/**
 * elastic/integrations system/auth: test-auth.log and the ECS documents Elastic's pipeline makes of it.
 * Fields where we knowingly differ are listed with the reason; every other field must match.
 */
const COMPARED = [
  'event.action', 'event.category', 'event.type', 'event.outcome', 'user.name', 'user.effective.name',
  'source.ip', 'source.port', 'process.name', 'process.pid', 'group.name',
] as const;

const DELIBERATE: Record<string, string> = {
  // Our brute-force rule counts ssh_login failures; sshd logs "Failed password" for the same attempt.
  '3:event.action': 'ssh_invalid_user is kept apart from ssh_login',
  // Elastic keeps the error in system.auth.sudo.error only; a refused sudo is a failure.
  '8:event.outcome': 'user NOT in sudoers is a failure',
  // Named so that rules can count it without mistaking it for an ssh_login.
  '12:event.action': 'pam_authentication_failure',
  '12:event.type': 'authentication events carry type info',
};

const lines = readFileSync(corpusPath('elastic-integrations', 'system_auth', 'test-auth.log'), 'utf8').split('\n').filter((l) => l.length > 0);
const expected = (JSON.parse(readFileSync(corpusPath('elastic-integrations', 'system_auth', 'test-auth.log-expected.json'), 'utf8')) as { expected: unknown[] }).expected;

function pick(document: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), document);
}

describe('linux-auth against Elastic system/auth expected output', () => {
  const actual: SecurityEvent[] = lines.map((line) => {
    const outcome = parseRaw({ sourceId: 's', receivedAt: new Date('2025-03-01T00:00:00Z'), transport: 'syslog', payload: line }, { timeZone: 'UTC' });
    if (!outcome.ok) throw new Error(outcome.reason);
    return outcome.event;
  });

  it('has one expected document per line', () => {
    expect(lines).toHaveLength(12);
    expect(expected).toHaveLength(12);
  });

  it('matches every compared field except the deliberate differences', () => {
    const mismatches: string[] = [];
    let matched = 0;
    actual.forEach((event, i) => {
      for (const path of COMPARED) {
        const want = pick(expected[i], path);
        const got = pick(event, path);
        if (JSON.stringify(want) === JSON.stringify(got)) matched++;
        else if (!DELIBERATE[`${i + 1}:${path}`]) mismatches.push(`${i + 1}:${path} expected ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
      }
    });
    expect(mismatches).toEqual([]);
    // 12 lines × 11 fields; the rest are the deliberate differences above.
    expect(matched).toBe(12 * COMPARED.length - Object.keys(DELIBERATE).length);
  });

  it('keeps the ssh method and key signature as vendor fields', () => {
    expect(actual[0]?.vendor?.['linux-auth']).toEqual({ ssh: { event: 'Accepted', method: 'publickey', signature: 'RSA 39:33:99:e9:a0:dc:f2:33:a3:e5:72:3b:7c:3a:56:84' } });
    expect(actual[7]?.vendor?.['linux-auth']?.sudo).toEqual({ tty: 'pts/1', pwd: '/home/vagrant', user: 'root', command: '/bin/ls', error: 'user NOT in sudoers' });
  });
});
