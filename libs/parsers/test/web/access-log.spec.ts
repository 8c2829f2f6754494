import { corpusLines, datasets, parse, parsed, wazuhLines } from '../parser-test-kit';

describe('access logs (Common/Combined)', () => {
  it('reads a combined line from elastic-examples/apache_logs', () => {
    const line = corpusLines('elastic-examples', 'apache_logs')[0]!;
    const event = parsed(line);
    expect(event['@timestamp']).toBe('2015-05-17T10:05:03.000Z');
    expect(event.event).toMatchObject({ kind: 'event', category: ['web'], type: ['access'], outcome: 'success', dataset: 'web.access', original: line });
    expect(event.source).toEqual({ address: '83.149.9.216', ip: '83.149.9.216' });
    expect(event.http).toEqual({
      request: { method: 'GET', referrer: 'http://semicomplete.com/presentations/logstash-monitorama-2013/' },
      response: { status_code: 200, bytes: 203023 },
      version: '1.1',
    });
    expect(event.url).toEqual({
      original: '/presentations/logstash-monitorama-2013/images/kibana-search.png',
      path: '/presentations/logstash-monitorama-2013/images/kibana-search.png',
    });
    expect(event.user_agent?.original).toMatch(/^Mozilla\/5\.0 \(Macintosh; Intel Mac OS X 10_9_1\).*Safari\/537\.36$/);
    expect(event.user).toBeUndefined();
    expect(event.vendor).toBeUndefined();
  });

  it('keeps the written offset, the user, the query and a missing size', () => {
    const event = parsed('203.0.113.9 - alice [10/Oct/2000:13:55:36 -0700] "GET /search?q=a%20b HTTP/1.0" 304 - "-" "-"');
    expect(event['@timestamp']).toBe('2000-10-10T20:55:36.000Z');
    expect(event.user).toEqual({ name: 'alice' });
    expect(event.url).toEqual({ original: '/search?q=a%20b', path: '/search', query: 'q=a%20b' });
    expect(event.http).toEqual({ request: { method: 'GET' }, response: { status_code: 304 }, version: '1.0' });
    expect(event.user_agent).toBeUndefined();
  });

  // Extra fields stay positional, placeholders included, so their meaning follows the source's log format.
  it('reads the vhost_combined prefix and extra trailing fields (wazuh web_rules.ini)', () => {
    const line = wazuhLines('web_rules.ini').find((l) => l.startsWith('www.example.com:80'))!;
    const event = parsed(line);
    expect(event['@timestamp']).toBe('2019-03-12T10:09:09.000Z');
    expect(event.source?.ip).toBe('1.1.1.1');
    expect(event.http?.response).toEqual({ status_code: 200, bytes: 10869 });
    expect(event.http?.request?.referrer).toBe('https://www.example.com');
    expect(event.url?.path).toBe('/example');
    // The escaped quotes belong to the query; the request ends at the first unescaped one.
    expect(event.url?.query).toContain(`OR'\\"XOR(if(now()=sysdate()`);
    expect(event.vendor?.web).toEqual({ vhost: 'www.example.com:80', extra: ['-', 'XIeFRRmu6BzGhDFQJ1K@HwAAAAs'] });
  });

  it('names the server from the syslog program and keeps forwarded addresses', () => {
    const line = wazuhLines('web_rules.ini').find((l) => l.includes('web01 nginx: 10.10.10.11'))!;
    const event = parsed(line);
    expect(event.event).toMatchObject({ dataset: 'nginx.access', module: 'nginx', outcome: 'failure' });
    expect(event.host).toEqual({ name: 'web01' });
    expect(event.source).toEqual({ address: '10.10.10.11', ip: '10.10.10.11' });
    expect(event.vendor?.nginx).toEqual({ forwarded_for: ['10.10.10.12'] });
    expect(event.url).toEqual({ original: '/injection/%0d%0aSet-Cookie', path: '/injection/%0d%0aSet-Cookie' });

    const apache = parsed(wazuhLines('web_rules.ini').find((l) => l.includes('web01 apache:'))!);
    expect(apache.event.dataset).toBe('apache.access');
    expect(apache.http?.version).toBe('1.0');
  });

  it('uses the format hint to name the server of bare lines', () => {
    const line = '192.0.2.1 - - [01/Jan/2026:00:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "curl/8.0"';
    expect(parsed(line, 'nginx').event).toMatchObject({ dataset: 'nginx.access', module: 'nginx' });
    expect(parsed(line, 'apache').event).toMatchObject({ dataset: 'apache.access', module: 'apache' });
    expect(parsed(line).event).toMatchObject({ dataset: 'web.access', module: 'web' });
    // Through syslog, the hinted parser reads the message.
    expect(parsed(`<190>Nov 30 16:40:01 web01 nginx: ${line}`, 'nginx').event).toMatchObject({ dataset: 'nginx.access' });
  });

  it('keeps a user agent whose closing quote was cut off (wazuh web_appsec.ini)', () => {
    const event = parsed('10.0.0.5 - - [1/Apr/2014:00:00:01 -0500] "POST /wp-comments-post.php HTTP/1.1" 403 181 "-" "Googlebot/1');
    expect(event.user_agent).toEqual({ original: 'Googlebot/1' });
    expect(event.event.outcome).toBe('failure');
    expect(event['@timestamp']).toBe('2014-04-01T05:00:01.000Z');
  });

  it.each([
    ['"-"', undefined],
    ['"\\x16\\x03\\x01\\x00\\xCA\\x01\\x00\\x00\\xC6\\x03\\x03"', '\\x16\\x03\\x01\\x00\\xCA\\x01\\x00\\x00\\xC6\\x03\\x03'],
    ['"GET /a b c HTTP/1.1"', undefined],
    ['"GET /only-http09"', undefined],
  ])('reads the malformed or unusual request %s', (request, kept) => {
    const event = parsed(`198.51.100.7 - - [17/May/2015:10:05:03 +0000] ${request} 400 0 "-" "-"`);
    expect(event.http?.response?.status_code).toBe(400);
    expect(event.vendor?.web?.request).toBe(kept);
    if (request.startsWith('"GET /a')) expect(event.url).toEqual({ original: '/a b c', path: '/a b c' });
    if (request.includes('http09')) expect(event.http?.version).toBeUndefined();
  });

  it('reads absolute and CONNECT targets, and host names as clients', () => {
    const proxy = parsed('crawler.example.net - - [17/May/2015:10:05:03 +0000] "GET http://example.com:8080/a?b=1 HTTP/1.1" 200 10');
    expect(proxy.source).toEqual({ address: 'crawler.example.net', domain: 'crawler.example.net' });
    expect(proxy.url).toEqual({ original: 'http://example.com:8080/a?b=1', scheme: 'http', domain: 'example.com', port: 8080, path: '/a', query: 'b=1' });
    const connect = parsed('192.0.2.1 - - [17/May/2015:10:05:03 +0000] "CONNECT example.com:443 HTTP/1.1" 200 0');
    expect(connect.url).toEqual({ original: 'example.com:443', domain: 'example.com', port: 443 });
  });

  it('quotes unescaped inside the request end at the status (old servers)', () => {
    const event = parsed('192.0.2.1 - - [17/May/2015:10:05:03 +0000] "GET /a"b" HTTP/1.1" 404 12 "-" "x"');
    expect(event.url?.original).toBe('/a"b"');
    expect(event.http?.response).toEqual({ status_code: 404, bytes: 12 });
    expect(event.user_agent?.original).toBe('x');
  });

  it.each([
    ['192.0.2.1 - - [31/Feb/2015:10:05:03 +0000] "GET / HTTP/1.1" 200 1', 'web-access: invalid timestamp [31/Feb/2015:10:05:03 +0000]'],
    ['192.0.2.1 - - [17/May/2015:10:05:03 +0000] "GET / HTTP/1.1" abc', 'web-access: no status and size after the quoted request'],
  ])('rejects %j with a reason', (line, reason) => {
    expect(parse(line)).toEqual({ ok: false, reason });
  });

  it('does not take a syslog header for host fields', () => {
    const outcome = parse('2024-01-01T00:00:00Z web01 nginx: 192.0.2.1 - - [17/May/2015:10:05:03 +0000] "GET / HTTP/1.1" 200 1');
    expect(outcome.ok && outcome.event.source?.ip).toBe('192.0.2.1');
    expect(outcome.ok && outcome.event.event.dataset).toBe('nginx.access');
  });

  it('parses all 10000 lines of elastic-examples/apache_logs', () => {
    expect(datasets(corpusLines('elastic-examples', 'apache_logs'))).toEqual(new Map([['web.access', 10000]]));
  });

  it('parses every Common/Combined line of wazuh web_appsec.ini and web_rules.ini (IIS lines: iis.spec.ts)', () => {
    expect(datasets(wazuhLines('web_appsec.ini'))).toEqual(new Map([['web.access', 31]]));
    const common = wazuhLines('web_rules.ini').filter((l) => !/^\d{4}-\d{2}-\d{2} /.test(l));
    expect(datasets(common)).toEqual(new Map([['web.access', 3], ['nginx.access', 2], ['apache.access', 1]]));
  });
});
