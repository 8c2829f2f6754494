import { corpusLines, datasets, parse, parsed, wazuhLines } from '../parser-test-kit';

describe('Apache error log', () => {
  it('reads a 2.2 line from loghub Apache_2k.log in the source zone', () => {
    const event = parsed(corpusLines('loghub', 'Apache_2k.log')[1]!);
    // 04:47:44 in Asia/Ho_Chi_Minh (UTC+7) is 21:47:44 UTC the day before.
    expect(event['@timestamp']).toBe('2005-12-03T21:47:44.000Z');
    expect(event.event).toMatchObject({ kind: 'event', category: ['web'], type: ['error'], dataset: 'apache.error', module: 'apache' });
    expect(event.log).toEqual({ level: 'error' });
    // The corpus line ends in blanks; the message does not.
    expect(event.message).toBe('mod_jk child workerEnv in error state 6');
  });

  it('reads the client of a 2.2 line', () => {
    const line = corpusLines('loghub', 'Apache_2k.log').find((l) => l.includes('[client 222.166.160.184]'))!;
    const event = parsed(line);
    expect(event.source).toEqual({ address: '222.166.160.184', ip: '222.166.160.184' });
    expect(event.message).toBe('Directory index forbidden by rule: /var/www/html/');
  });

  it('reads a 2.4 line: module, pid, client port, AH code, referer (wazuh apache.ini)', () => {
    const event = parsed(wazuhLines('apache.ini').find((l) => l.includes('[proxy:warn]'))!);
    expect(event['@timestamp']).toBe('2014-09-30T05:24:22.891Z');
    expect(event.log).toEqual({ level: 'warn' });
    expect(event.event).toMatchObject({ type: ['info'], code: 'AH01136', dataset: 'apache.error' });
    expect(event.process).toEqual({ pid: 2331 });
    expect(event.source).toEqual({ address: '77.127.180.111', ip: '77.127.180.111', port: 54082 });
    expect(event.http?.request?.referrer).toBe('http://www.easylinker.co.il/he/links.aspx?user=bguyb');
    expect(event.vendor?.apache).toEqual({ module: 'proxy' });
  });

  it('reads lines without a time stamp, with the receipt time', () => {
    const event = parsed('[error] [client 64.94.163.159] Client sent malformed Host header');
    expect(event['@timestamp']).toBe('2026-11-30T09:00:00.000Z');
    expect(event.source?.ip).toBe('64.94.163.159');
    expect(event.message).toBe('Client sent malformed Host header');
  });

  it('rejects an impossible date with a reason', () => {
    expect(parse('[Sun Feb 30 04:47:44 2005] [error] x')).toEqual({ ok: false, reason: 'apache: invalid timestamp [Sun Feb 30 04:47:44 2005]' });
  });

  it('parses all 2000 lines of loghub Apache_2k.log and all of wazuh apache.ini', () => {
    expect(datasets(corpusLines('loghub', 'Apache_2k.log'))).toEqual(new Map([['apache.error', 2000]]));
    expect(datasets(wazuhLines('apache.ini'))).toEqual(new Map([['apache.error', 12]]));
  });
});

describe('nginx error log', () => {
  it('reads the request context nginx appends', () => {
    const event = parsed(
      '2019/01/01 00:00:00 [error] 1234#0: *5 open() "/usr/share/nginx/html/x" failed (2: No such file or directory), client: 198.51.100.4, server: localhost, request: "GET /x?y=1 HTTP/1.1", host: "example.org", referrer: "http://example.org/"',
    );
    expect(event['@timestamp']).toBe('2018-12-31T17:00:00.000Z');
    expect(event.event).toMatchObject({ category: ['web'], type: ['error'], dataset: 'nginx.error', module: 'nginx' });
    expect(event.log).toEqual({ level: 'error' });
    expect(event.source).toEqual({ address: '198.51.100.4', ip: '198.51.100.4' });
    expect(event.process).toEqual({ pid: 1234 });
    expect(event.http).toEqual({ request: { method: 'GET', referrer: 'http://example.org/' }, version: '1.1' });
    expect(event.url).toEqual({ original: '/x?y=1', path: '/x', query: 'y=1', domain: 'example.org' });
    expect(event.vendor?.nginx).toEqual({ tid: 0, connection_id: 5, server: 'localhost', host: 'example.org' });
    expect(event.message).toMatch(/^open\(\) "\/usr\/share\/nginx\/html\/x" failed/);
  });

  it('reads the wazuh nginx.ini variants (`pid:tid`, no message)', () => {
    const event = parsed('2014/12/30 06:07:37 [crit] 80:2');
    expect(event.log).toEqual({ level: 'crit' });
    expect(event.process).toEqual({ pid: 80 });
    expect(event.message).toBeUndefined();
  });

  it('names nginx error lines sent through syslog', () => {
    const event = parsed('<187>Nov 30 16:40:01 web01 nginx: 2026/11/30 16:40:01 [warn] 7#7: *9 upstream response is buffered, client: 203.0.113.8');
    expect(event.event).toMatchObject({ dataset: 'nginx.error', type: ['info'] });
    expect(event.host).toEqual({ name: 'web01' });
    expect(event.source?.ip).toBe('203.0.113.8');
  });

  it('parses all of wazuh nginx.ini', () => {
    expect(datasets(wazuhLines('nginx.ini'))).toEqual(new Map([['nginx.error', 12]]));
  });
});
