import { readFrom, readLogin } from '../../src/linux-auth/sshd-text';
import { prng } from '../parser-test-kit';

// The expressions the readers replace, as the reference they must agree with.
const FROM = /from (\S+?)(?: port (\d{1,5})(?=[\s:]|$)|(?=\s|$))/;
const LOGIN = /^(Failed|Accepted) (password|publickey|keyboard-interactive\/pam|keyboard-interactive|hostbased|gssapi-with-mic|none) for (invalid user )?(.*?) from \S+(?: port \d+)?(?: ssh2(?:: (.+))?)?/s;

function fromByRegex(text: string) {
  const m = FROM.exec(text);
  return m ? { host: m[1], port: m[2] === undefined ? undefined : Number(m[2]) } : undefined;
}

// The host and port after the user, the port as FROM takes it.
const LOGIN_FROM = /^(?:Failed|Accepted) \S+ for (?:invalid user )?.*? from (\S+)(?: port (\d{1,5})(?=[\s:]|$))?/s;

function loginByRegex(text: string) {
  const m = LOGIN.exec(text);
  if (!m) return undefined;
  const from = LOGIN_FROM.exec(text)!;
  return { event: m[1], method: m[2], user: m[4], host: from[1], port: from[2] === undefined ? undefined : Number(from[2]), signature: m[5] };
}

describe('sshd text readers', () => {
  it('read the usual lines', () => {
    expect(readLogin('Failed password for invalid user admin from 203.0.113.9 port 4242 ssh2')).toEqual({ event: 'Failed', method: 'password', user: 'admin', host: '203.0.113.9', port: 4242, signature: undefined });
    expect(readLogin('Accepted publickey for root from 10.0.0.5 port 22 ssh2: ED25519 SHA256:abc')).toEqual({ event: 'Accepted', method: 'publickey', user: 'root', host: '10.0.0.5', port: 22, signature: 'ED25519 SHA256:abc' });
    expect(readLogin('Failed keyboard-interactive/pam for invalid user from x from 1.2.3.4')).toEqual({ event: 'Failed', method: 'keyboard-interactive/pam', user: 'from x', host: '1.2.3.4', port: undefined, signature: undefined });
    expect(readLogin('Failed password for invalid user from 1.2.3.4')).toEqual({ event: 'Failed', method: 'password', user: 'invalid user', host: '1.2.3.4', port: undefined, signature: undefined });
    expect(readFrom('Received disconnect from 198.51.100.7 port 51234:11: Bye Bye [preauth]')).toEqual({ host: '198.51.100.7', port: 51234 });
    expect(readFrom('Connection closed by 1.2.3.4 port 22 [preauth]')).toBeUndefined();
    expect(readFrom('Disconnected from user from 2001:db8::1 port 123456')).toEqual({ host: 'user', port: undefined });
  });

  it('agree with the expressions on 200,000 random messages built from the pieces that matter', () => {
    const random = prng(20261201);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const login = () =>
      `${pick(['Failed ', 'Accepted ', 'Failed', 'failed '])}${pick(['password', 'publickey', 'keyboard-interactive/pam', 'keyboard-interactive', 'none', 'pass'])}${pick([' for ', ' for', ' for  '])}` +
      `${pick(['', 'invalid user ', 'invalid user', 'invalid  user '])}${pick(['root', '', 'a b', 'from', ' from x', 'x from', 'é\n'])}${pick([' from ', ' from  ', 'from ', ' from\t'])}` +
      `${pick(['1.2.3.4', '', '2001:db8::1', 'host.name'])}${pick(['', ' port 22', ' port ', ' port 123456', ' port 22x', ' port 65535:11:'])}${pick(['', ' ssh2', ' ssh2:', ' ssh2: ', ' ssh2: RSA SHA256:x', ' ssh2: \nz', ' [preauth]'])}${pick(['', ' from 5.6.7.8 port 1', '\n'])}`;
    const pieces = ['from ', ' from ', 'from', ' port ', '22', '123456', ':', ' ', '\t', '\u00a0', '1.2.3.4', 'x', 'Failed password for ', 'ssh2', ': ', '\n', '[', 'é'];
    for (let n = 0; n < 200_000; n += 1) {
      const text = n % 2 === 0 ? login() : Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(pieces)).join('');
      expect([text, readLogin(text)]).toEqual([text, loginByRegex(text)]);
      expect([text, readFrom(text)]).toEqual([text, fromByRegex(text)]);
    }
  });
});
