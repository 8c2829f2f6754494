import { readBsdStamp, readHostAndTag } from '../../src/syslog/bsd-header';
import { prng } from '../parser-test-kit';

// The expressions the readers replace, as the reference they must agree with.
const BSD_STAMP = /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))? /;
const HOST_AND_TAG = /^(\S+) ([^\s:[\]]{1,64}(?: \d+(?:\.\d+)+)?)(?:\[(\d{1,10})\])?: ?(.*)$/s;

function stampByRegex(text: string) {
  const m = BSD_STAMP.exec(text);
  return m ? { monthAt: 0, day: Number(m[2]), hour: Number(m[3]), minute: Number(m[4]), second: Number(m[5]), fraction: m[6], end: m[0].length } : undefined;
}

function tagByRegex(text: string) {
  const m = HOST_AND_TAG.exec(text);
  return m ? { host: m[1], app: m[2], pid: m[3] === undefined ? undefined : Number(m[3]), message: m[4] } : undefined;
}

describe('BSD header readers', () => {
  it('read the usual headers', () => {
    expect(readBsdStamp('Nov  5 06:49:23 web01 sshd[7]: x', 0)).toEqual({ monthAt: 0, day: 5, hour: 6, minute: 49, second: 23, fraction: undefined, end: 16 });
    expect(readBsdStamp('<38>Dec 01 23:59:60.123456 h a: m', 4)).toEqual({ monthAt: 4, day: 1, hour: 23, minute: 59, second: 60, fraction: '123456', end: 27 });
    expect(readHostAndTag('web01.so-yt.gov.vn sshd[4242]: Failed password')).toEqual({ host: 'web01.so-yt.gov.vn', app: 'sshd', pid: 4242, message: 'Failed password' });
    expect(readHostAndTag('gw syslogd 1.4.1: restart.')).toEqual({ host: 'gw', app: 'syslogd 1.4.1', pid: undefined, message: 'restart.' });
    expect(readHostAndTag('gw kernel:[  12.5] eth0 up')).toEqual({ host: 'gw', app: 'kernel', pid: undefined, message: '[  12.5] eth0 up' });
  });

  it('refuse what their expressions refuse', () => {
    for (const text of ['Nov   5 06:49:23 x', 'Nov 123 06:49:23 x', 'nov 5 06:49:23 x', 'Nov 5 6:49:23 x', 'Nov 5 06:49:23.1234567 x', 'Nov 5 06:49:23.x', 'Nov 5 06:49:23']) {
      expect([text, readBsdStamp(text, 0)]).toEqual([text, undefined]);
    }
    for (const text of [' web01 sshd: x', 'web01\tsshd: x', 'web01 sshd x', 'web01 sshd[12a]: x', 'web01 sshd[12345678901]: x', `web01 ${'a'.repeat(65)}: x`, 'web01 app 1: x', 'web01 app 1.2.x: x', 'web01 : x']) {
      expect([text, readHostAndTag(text)]).toEqual([text, undefined]);
    }
  });

  it('agree with the expressions on 200,000 random headers built from the characters that matter', () => {
    const random = prng(20261201);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const pieces = ['Nov', 'Dec', 'nOv', ' ', '  ', '\t', '0', '5', '12', '123', ':', '.', '[', ']', '42', 'sshd', 'web01', 'a b', '\n', '\u00a0', '\u2028', 'é', '1.4.1', '-', '<38>', 'x'.repeat(63), '', '06:49:23', '.123456', '.1234567'];
    const stampLike = () => `${pick(['Nov', 'Jan', 'Xyz', 'nov', 'NOV'])}${pick([' ', '  ', '   '])}${pick(['5', '05', '31', '123', ''])}${pick([' ', ''])}${pick(['06:49:23', '6:49:23', '06:4:23', '06:49:2'])}${pick(['', '.1', '.123456', '.1234567', '.'])}${pick([' ', '', 'x'])}`;
    const tagLike = () => `${pick(['web01', '', ' web', 'a\tb', 'h\u00a0'])}${pick([' ', '\t', ''])}${pick(['sshd', 'syslogd', '', 'x'.repeat(64), 'x'.repeat(65), 'a:b', 'a[b'])}${pick(['', ' 1.4.1', ' 1', ' 1.', ' 1.2.x', ' x'])}${pick(['', '[42]', '[]', '[12345678901]', '[4a]', '[42'])}${pick([':', ': ', ':  ', '', ' :'])}${pick(['', 'Failed password', '\nline two', ' x'])}`;
    for (let n = 0; n < 200_000; n += 1) {
      const stamp = n % 3 === 0 ? stampLike() : Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(pieces)).join('');
      expect([stamp, readBsdStamp(stamp, 0)]).toEqual([stamp, stampByRegex(stamp)]);
      const header = n % 3 === 0 ? tagLike() : Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(pieces)).join('');
      expect([header, readHostAndTag(header)]).toEqual([header, tagByRegex(header)]);
      // Read from an offset into a longer line, as the syslog reader does after the stamp.
      const prefix = pick(['', 'Nov  5 06:49:23 ', ' ', 'x']);
      expect([header, readHostAndTag(prefix + header, prefix.length)]).toEqual([header, tagByRegex(header)]);
    }
  });
});
