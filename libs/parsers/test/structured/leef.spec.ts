import { parseLeefRecord } from '../../src/structured/leef/leef-record';
import { parseJavaDate } from '../../src/structured/java-date-format';
import { corpusLines, parse, parsed, RECEIVED_AT as receivedAt } from '../parser-test-kit';

const event = (payload: string) => parsed(payload);
const readLines = corpusLines;

describe('LEEF record syntax', () => {
  it('splits LEEF 1.0 attributes on tabs and keeps | inside values', () => {
    expect(parseLeefRecord('LEEF:1.0|V|P|1.2|ev|a=1\tpath=C:|x\tb=')).toEqual({
      version: '1.0', vendor: 'V', product: 'P', productVersion: '1.2', eventId: 'ev', delimiter: '\t',
      attributes: [['a', '1'], ['path', 'C:|x'], ['b', '']],
    });
  });

  it.each([
    ['x7C', '|'],
    ['0x09', '\t'],
    ['^', '^'],
  ])('reads the LEEF 2.0 delimiter %j', (written, delimiter) => {
    const record = parseLeefRecord(`LEEF:2.0|V|P|1|ev|${written}|a=1${delimiter}b=2`);
    expect(record?.delimiter).toBe(delimiter);
    expect(record?.attributes).toEqual([['a', '1'], ['b', '2']]);
  });

  it('accepts LEEF 2.0 without a delimiter field', () => {
    expect(parseLeefRecord('LEEF:2.0|Zscaler|NSS|3.6|ALLOW|cat=firewall\tusrName=jane')?.attributes).toEqual([['cat', 'firewall'], ['usrName', 'jane']]);
  });

  it.each(['LEEF:1.0|V|P|1', 'LEEF:x|V|P|1|e|', 'LEEF:2.0|V|P|1|e|xZZ|a=1|'])('rejects %j', (text) => {
    expect(parseLeefRecord(text)).toBeUndefined();
  });

  it('reads Java date formats', () => {
    expect(parseJavaDate('2019-05-09 22:03:58.692466', 'yyyy-MM-dd HH:mm:ss.SSS', 'UTC', receivedAt)?.toISOString()).toBe('2019-05-09T22:03:58.692Z');
    expect(parseJavaDate('May 09 2019 22:03:58 +0700', 'MMM dd yyyy HH:mm:ss Z', 'UTC', receivedAt)?.toISOString()).toBe('2019-05-09T15:03:58.000Z');
    expect(parseJavaDate('2019-05-09', 'yyyy-MM-dd QQ', 'UTC', receivedAt)).toBeUndefined();
  });
});

describe('LEEF corpus', () => {
  it('maps every Wazuh panda_paps.ini event (LEEF 1.0) to ECS', () => {
    const lines = readLines('wazuh-ruleset-tests', 'panda_paps.ini').flatMap((l) => /^log \d+ pass = (LEEF:.*)$/.exec(l)?.slice(1) ?? []);
    expect(lines).toHaveLength(8);
    const events = lines.map(event);
    expect(events.map((e) => e.event.severity)).toEqual([1, 3, 5, 7, 9, 1, 1, 1]);
    expect(events[0]).toMatchObject({
      '@timestamp': '2019-05-09T15:03:58.692Z',
      observer: { vendor: 'Panda Security', product: 'paps' },
      source: { ip: '192.168.0.8' },
      user: { name: 'SYSTEM', domain: 'NT AUTHORITY' },
      event: { code: 'registrym', dataset: 'leef' },
    });
    expect(events[0]?.vendor?.leef?.attributes).toMatchObject({ Op: 'ModifyExeKey', Hash: 'E60A27AAEB184AABD9C92C513B27F98A' });
  });

  it('parses every line of tenzir leef1.log and leef2.log', () => {
    const lines = [...readLines('tenzir-tests', 'leef1.log'), ...readLines('tenzir-tests', 'leef2.log')];
    const outcomes = lines.map((line) => parse(line));
    expect(outcomes.map((o) => o.ok && o.event.event.dataset)).toEqual(lines.map(() => 'leef'));
    const cyberArk = outcomes[0];
    expect(cyberArk?.ok && cyberArk.event['@timestamp']).toBe('2014-01-01T12:00:00.000Z');
    expect(cyberArk?.ok && cyberArk.event.destination).toEqual({ ip: '192.168.0.1' });
    const paloAlto = outcomes[5];
    expect(paloAlto?.ok && paloAlto.event.vendor?.leef?.attributes).toMatchObject({ cat: '$type', usrName: '$admin', msg: '$cmd' });
  });

  it('reads LEEF 2.0 over RFC 5424 syslog (tenzir leef-over-syslog.log)', () => {
    const [windows, zscaler] = readLines('tenzir-tests', 'leef-over-syslog.log').map(event);
    expect(windows).toMatchObject({ event: { code: '10', severity: 6 }, host: { name: 'LAPTOP-45Q5L6E5' }, process: { name: 'Microsoft-Windows-Security-Mitigations', pid: 4340 } });
    expect(windows?.vendor?.leef?.attributes).toMatchObject({ EventID: '10', Message: "Process 'chrome.exe' was blocked" });
    expect(zscaler).toMatchObject({ user: { name: 'jane.doe' }, source: { ip: '203.0.113.10' }, destination: { ip: '198.51.100.20' }, rule: { category: 'firewall' } });
  });

  it('maps ports, protocol numbers and the default devTime layout', () => {
    const e = event('LEEF:2.0|V|P|1|e|^|src=10.0.0.1^srcPort=5555^dst=10.0.0.2^dstPort=443^proto=6^devTime=Nov 30 2026 16:40:01');
    expect(e.source).toEqual({ ip: '10.0.0.1', port: 5555 });
    expect(e.destination).toEqual({ ip: '10.0.0.2', port: 443 });
    expect(e.network).toEqual({ transport: 'tcp', iana_number: '6' });
    expect(e['@timestamp']).toBe('2026-11-30T09:40:01.000Z');
  });
});
