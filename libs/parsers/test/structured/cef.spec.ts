import { parseCefRecord, parseExtension } from '../../src/structured/cef/cef-record';
import { corpusLines, parse, parsed } from '../parser-test-kit';

const event = (payload: string) => parsed(payload);
const readLines = corpusLines;
const wazuhLines = (file: string): string[] => readLines('wazuh-ruleset-tests', file).flatMap((l) => /^log \d+ pass = (.*CEF:.*)$/.exec(l)?.slice(1) ?? []);

describe('CEF record syntax', () => {
  it('unescapes \\| and \\\\ in the header', () => {
    expect(parseCefRecord('CEF:0|a\\|b|c\\\\d|1|sig|name|5|')).toMatchObject({ deviceVendor: 'a|b', deviceProduct: 'c\\d', severity: '5', extensions: [] });
  });

  it('reads values with spaces up to the next key and unescapes \\= \\\\ \\n', () => {
    expect(parseExtension('msg=two words\\nline cs1=a\\=b c\\\\d cs1Label=x y  ')).toEqual([
      ['msg', 'two words\nline'],
      ['cs1', 'a=b c\\d'],
      ['cs1Label', 'x y'],
    ]);
  });

  it('keeps an unescaped = inside a URL-like value', () => {
    expect(parseExtension('request=http://h/p?a=b&c=d act=blocked')).toEqual([
      ['request', 'http://h/p?a=b&c=d'],
      ['act', 'blocked'],
    ]);
  });

  it.each(['CEF:0|a|b|c|d|e', 'CEF:x|a|b|c|d|e|f|', 'CEF0|a|b|c|d|e|f|'])('rejects the malformed header %j', (text) => {
    expect(parseCefRecord(text)).toBeUndefined();
  });
});

describe('CEF to ECS', () => {
  it('maps the elastic test-cef.log web request', () => {
    const [line] = readLines('elastic-integrations', 'cef', 'test-cef.log');
    const e = event(line!);
    expect(e.event).toMatchObject({ code: '18', severity: 3, dataset: 'cef' });
    expect(e.observer).toEqual({ vendor: 'Elastic', product: 'Vaporware' });
    expect(e.source).toEqual({ ip: '89.160.20.156', port: 33876 });
    expect(e.destination).toEqual({ ip: '192.168.10.1', port: 443 });
    expect(e.network).toEqual({ transport: 'tcp' });
    expect(e.http).toEqual({ request: { method: 'POST' } });
    expect(e.url).toEqual({ original: 'https://www.example.com/cart' });
    expect(e.rule?.name).toBe('Web request');
    expect(e.vendor?.cef?.extensions).toMatchObject({ sourceGeoLatitude: 38.915, requestContext: 'https://www.google.com', eventId: 3457 });
  });

  it('trims the trailing whitespace of the last value and reads users, NAT and hashes', () => {
    const [, auth, , padded] = readLines('elastic-integrations', 'cef', 'test-cef.log');
    expect(event(padded!).source).toEqual({ ip: '192.168.3.4' });
    expect(event(padded!).vendor?.cef?.extensions).toEqual({ message: 'This event is padded with whitespace', destinationAddress: '192.168.1.2', sourceAddress: '192.168.3.4' });
    const e = event(auth!);
    expect(e.user).toEqual({ name: 'bob' });
    expect(e.destination?.nat).toEqual({ ip: '10.10.10.10' });
    expect(e.file?.hash).toEqual({ md5: 'bc8bbe52f041fd17318f08a0f73762ce' });
  });

  it('reads rt in epoch ms as @timestamp, direction and translated ports (Check Point, tenzir)', () => {
    const [first] = readLines('tenzir-tests', 'checkpoint.log');
    const e = event(first!);
    expect(e['@timestamp']).toBe('2018-11-26T22:17:32.000Z');
    expect(e.event.action).toBe('Accept');
    expect(e.network).toEqual({ transport: '6', direction: 'inbound' });
    expect(e.source).toEqual({ ip: '192.168.101.100', port: 49363, nat: { ip: '192.168.103.254', port: 35398 } });
    expect(e.vendor?.cef?.extensions).toMatchObject({ deviceCustomDate2: '2017-10-16T10:42:13.713Z', deviceCustomString5: 'Business / Economy', originsicname: 'CN=R80,O=R80_M..6u6bdo' });
  });

  it('reads "MMM dd yyyy HH:mm:ss" in the device zone, else the source zone', () => {
    const e = event('CEF:0|V|P|1|s|n|Very-High|rt=Sep 09 2017 00:31:23 UTC end=Sep 09 2017 07:31:23 start=Sep 09 2017 00:00:00 dtz=Europe/Prague');
    expect(e.event.severity).toBe(10);
    expect(e['@timestamp']).toBe('2017-09-09T00:31:23.000Z');
    expect(e.vendor?.cef?.extensions).toMatchObject({ endTime: '2017-09-09T05:31:23.000Z', startTime: '2017-09-08T22:00:00.000Z' });
    expect(event('CEF:0|V|P|1|s|n|1|rt=Sep 09 2017 07:31:23')['@timestamp']).toBe('2017-09-09T00:31:23.000Z');
  });
});

describe('CEF corpus', () => {
  it.each([
    ['elastic-integrations', 'cef', 'test-cef.log'],
    ['tenzir-tests', 'checkpoint.log'],
  ])('parses every bare line of %s/%s as CEF', (...parts) => {
    const outcomes = readLines(...parts).map((line) => parse(line));
    expect(outcomes.map((o) => o.ok && o.event.event.dataset)).toEqual(outcomes.map(() => 'cef'));
  });

  it.each(['f5_big_ip.ini', 'fireeye.ini'])('reads every CEF-over-syslog line of Wazuh %s with the syslog host', (file) => {
    const lines = wazuhLines(file);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      const e = event(line);
      expect(e.event.dataset).toBe('cef');
      expect(e.observer?.vendor?.toLowerCase()).toMatch(/^(f5|fireeye)$/);
      expect(e.host?.name).toBeDefined();
    }
  });

  it('keeps values of the wrong type as written (F5 templates with cn3=%llu)', () => {
    const template = wazuhLines('f5_big_ip.ini').find((l) => l.includes('%llu'))!;
    expect(event(template).vendor?.cef?.extensions).toMatchObject({ deviceCustomNumber3: '%llu', deviceCustomDate1: 'componentName' });
  });

  it('finds CEF after a syslog host with no program name, and after a program tag (tenzir syslog-rfc3164.log)', () => {
    const lines = readLines('tenzir-tests', 'syslog-rfc3164.log').filter((l) => l.includes('CEF:'));
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      const e = event(line);
      expect(e.observer).toEqual({ vendor: 'Cynet', product: 'Cynet 360' });
      expect(e.rule?.name).toBe('Memory Pattern - Cobalt Strike Beacon ReflectiveLoader');
      expect(e.event.severity).toBe(8);
      expect(e.source).toEqual({ ip: '172.31.5.93' });
      expect(e.file).toMatchObject({ name: 'javac.exe', path: 'c:\\windows\\temp\\javac.exe' });
      expect(e.vendor?.cef?.extensions).toMatchObject({ destinationUserName: 'tikasrv01\\administrator', actRem: 'Kill, Rename' });
    }
  });

  it('skips a stray marker that does not start a header', () => {
    const e = event('<134>Nov 30 16:40:01 fw app: note CEF:0| then CEF:0|Acme|FW|2|100|Blocked|7|src=10.0.0.1 act=deny');
    expect(e.observer).toEqual({ vendor: 'Acme', product: 'FW' });
    expect(e.event.action).toBe('deny');
  });

  it('rejects a CEF line whose header is cut short, with a reason', () => {
    expect(parse('CEF:0|Acme|FW|2|100')).toEqual({ ok: false, reason: 'cef: malformed CEF header (needs CEF:Version and 7 |-separated fields)' });
  });
});
