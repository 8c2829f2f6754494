import { readFileSync } from 'node:fs';
import { parseRaw } from '@soc/parsers';
import { parseSyslogLine } from '../../src/syslog/syslog-record';
import { corpusPath } from '../../../../test/support/corpus';

const context = { timeZone: 'Asia/Ho_Chi_Minh', receivedAt: new Date('2026-11-30T09:00:00Z') };
const corpusLine = (...parts: string[]): string => readFileSync(corpusPath(...parts), 'utf8').split('\n')[0]!;

describe('parseSyslogLine: RFC 5424', () => {
  it('reads the RFC 5424 example with one SD element', () => {
    const record = parseSyslogLine(corpusLine('rsyslog-tests', 'fuzz-corpus-syslog-message', 'rfc5424-basic'), context);
    expect(record).toEqual({
      timestamp: new Date('2003-10-11T22:14:15.003Z'),
      priority: 165,
      host: 'mymachine.example.com',
      app: 'evntslog',
      msgId: 'ID47',
      structuredData: { 'exampleSDID@32473': { iut: '3', eventSource: 'Application' } },
      message: 'An application event log entry',
    });
  });

  it('unescapes \\] and \\" in SD values and reads a numeric PROCID as the pid', () => {
    const record = parseSyslogLine(corpusLine('rsyslog-tests', 'fuzz-corpus-syslog-message', 'rfc5424-escaped-sd'), context);
    expect(record?.structuredData).toEqual({ 'meta@32473': { value: 'escaped]bracket', quote: '"' } });
    expect(record).toMatchObject({ pid: 123, app: 'app', host: 'host', msgId: 'msg', message: 'payload' });
    expect(record?.timestamp.toISOString()).toBe('2026-07-23T07:30:45.000Z');
  });

  it('leaves NILVALUE fields out and stamps a nil time with the receipt time', () => {
    expect(parseSyslogLine(corpusLine('rsyslog-tests', 'fuzz-corpus-syslog-message', 'rfc5424-nil'), context)).toEqual({
      timestamp: context.receivedAt,
      priority: 13,
      message: 'minimal',
    });
  });

  it('reads microsecond stamps with an offset (elastic system/auth test-5424.log)', () => {
    const record = parseSyslogLine(corpusLine('elastic-integrations', 'system_auth', 'test-5424.log'), context);
    expect(record).toEqual({
      timestamp: new Date('2023-09-28T10:10:12.175Z'),
      priority: 30,
      host: 'test.lab.com',
      app: 'systemd',
      pid: 153589,
      message: 'Stopped target Default.',
    });
  });

  it('drops the BOM before MSG and keeps several SD elements', () => {
    const record = parseSyslogLine('<14>1 2026-11-30T16:40:01+07:00 h app - - [a@1 x="1"][b@1 y="a\\\\b" z=""] \uFEFFhello', context);
    expect(record?.structuredData).toEqual({ 'a@1': { x: '1' }, 'b@1': { y: 'a\\b', z: '' } });
    expect(record?.message).toBe('hello');
  });

  it('accepts an empty MSG after the structured data', () => {
    expect(parseSyslogLine('<14>1 - h app - - [a@1 x="1"]', context)?.message).toBe('');
  });

  it.each([
    '<14>1 2026-11-30T16:40:01+07:00 h app - - [a@1 x="unterminated]',
    '<14>1 2026-11-30T16:40:01+07:00 h app - - [a@1 x=1]',
    '<14>1 2026-11-30T16:40:01+07:00 h app - - [a@1 x="1"]junk',
    '<14>1 2026-13-45T16:40:01+07:00 h app - - - msg',
    '<14>1 2026-11-30T16:40:01+07:00 h app - -',
  ])('rejects malformed %j', (line) => {
    expect(parseSyslogLine(line, context)).toBeUndefined();
  });

  it('still reads sshd over RFC 5424 through parseRaw', () => {
    const outcome = parseRaw(
      { sourceId: 's', receivedAt: context.receivedAt, transport: 'syslog', payload: '<38>1 2026-11-30T16:40:01+07:00 web01 sshd 77 - - Failed password for root from 203.0.113.5 port 22 ssh2' },
      context,
    );
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.event.event).toMatchObject({ action: 'ssh_login', outcome: 'failure' });
    expect(outcome.event.process).toEqual({ name: 'sshd', pid: 77 });
    expect(outcome.event.host).toEqual({ name: 'web01' });
  });
});

describe('parseSyslogLine: sender quirks', () => {
  it.each([
    ['<34> Nov 16 14:55:56 mymachine/10.1.1.16 OTHERPROGRAM: Freeform message', { priority: 34, host: 'mymachine/10.1.1.16', app: 'OTHERPROGRAM' }],
    ['2020-03-23 06:47:42.801612-0700  localhost sshd[3186]: error: PAM: unknown user', { host: 'localhost', app: 'sshd', pid: 3186 }],
  ])('reads %j', (line, expected) => {
    expect(parseSyslogLine(line, context)).toMatchObject(expected);
  });

  it('reads the space-separated stamp with its offset', () => {
    expect(parseSyslogLine('2020-03-23 06:47:42.801612-0700  localhost sshd[3186]: x', context)?.timestamp.toISOString()).toBe('2020-03-23T13:47:42.801Z');
  });

  it('parses every line of the tenzir RFC 3164 sample but the Cisco one with a year in its stamp', () => {
    const lines = readFileSync(corpusPath('tenzir-tests', 'syslog-rfc3164.log'), 'utf8').split('\n').filter((l) => l.length > 0);
    // "Jan 18 2024 11:50:03 firepower : %FTD-…" is Cisco's own header, read by the firewall line parsers.
    expect(lines.filter((l) => parseSyslogLine(l, context) === undefined).map((l) => l.slice(0, 30))).toEqual(['<164>Jan 18 2024 11:50:03 fire']);
  });
});

describe('parseSyslogLine: hostile structured data', () => {
  it('keeps "__proto__" as a plain SD-ID and parameter name', () => {
    const record = parseSyslogLine('<14>1 - h app - - [__proto__ __proto__="x" polluted="yes"] m', context);
    expect(Object.keys(record?.structuredData ?? {})).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
