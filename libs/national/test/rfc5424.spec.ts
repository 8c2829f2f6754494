import { octetCounted, rfc5424 } from '../src/channels';
import { toNationalMessage } from '../src/payload';
import { alertMessage } from './fixtures';

describe('RFC 5424 over TCP', () => {
  it('writes PRI (log audit × severity), version, timestamp, host, app, MSGID = type', () => {
    const line = rfc5424(toNationalMessage(alertMessage, new Map()), 'CEF:0|…', 'soc node 1');
    // facility 13 × 8 + severity 3 (high → error) = 107
    expect(line).toBe('<107>1 2026-11-30T10:00:01.000Z socnode1 soc - alert.created - CEF:0|…');
  });

  it('frames by octet count in bytes, not characters', () => {
    expect(octetCounted('ờ a').toString('utf8')).toBe(`${Buffer.byteLength('ờ a')} ờ a`);
    expect(octetCounted('abc').toString('utf8')).toBe('3 abc');
  });
});
