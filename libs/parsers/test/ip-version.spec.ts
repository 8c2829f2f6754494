import { isIP } from 'node:net';
import { ipVersion } from '../src/text/ip-version';
import { prng } from './parser-test-kit';

describe('ipVersion', () => {
  it('answers as net.isIP on addresses, near-addresses and junk', () => {
    const fixed = ['1.2.3.4', '255.255.255.255', '256.1.1.1', '01.2.3.4', '0.0.0.0', '1.2.3', '1.2.3.4.5', '1..2.3', '1.2.3.4 ', ' 1.2.3.4', '1.2.3.04', '1.2.3.-4', '::1', '2001:db8::1', 'fe80::1%eth0', '::ffff:1.2.3.4', 'host', '', '1.2.3.4x', '1.2.3.٣', '1.2.3.4\n', '1.2.3.4\u2028'];
    for (const text of fixed) expect([text, ipVersion(text)]).toEqual([text, isIP(text)]);
    const random = prng(42);
    const pieces = ['0', '1', '9', '25', '255', '256', '01', '.', '..', ':', 'a', ' ', '999', '1000'];
    for (let n = 0; n < 100_000; n += 1) {
      const text = Array.from({ length: 1 + Math.floor(random() * 9) }, () => pieces[Math.floor(random() * pieces.length)]!).join('');
      expect([text, ipVersion(text)]).toEqual([text, isIP(text)]);
    }
  });
});
