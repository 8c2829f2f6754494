import { datasets, parse, parsed, wazuhLines } from '../parser-test-kit';

const iisLines = wazuhLines('web_rules.ini').filter((l) => /^\d{4}-\d{2}-\d{2} /.test(l));

describe('IIS W3C access log (default layouts)', () => {
  it('reads the 14-column IIS 7 layout (wazuh web_rules.ini), in UTC', () => {
    const event = parsed(iisLines.find((l) => l.includes('/QOsa/'))!);
    expect(event['@timestamp']).toBe('2015-07-28T15:07:26.000Z');
    expect(event.event).toMatchObject({ category: ['web'], type: ['access'], outcome: 'success', duration: 624_000_000, dataset: 'iis.access', module: 'iis' });
    expect(event.source).toEqual({ address: '31.3.3.7', ip: '31.3.3.7' });
    expect(event.destination).toEqual({ address: '1.2.3.4', ip: '1.2.3.4', port: 80 });
    expect(event.url).toEqual({
      original: '/QOsa/Browser/Default.aspx?UISessionId=SN1234123&DeviceId=SN12312232SHARP+MX-4111N',
      path: '/QOsa/Browser/Default.aspx',
      query: 'UISessionId=SN1234123&DeviceId=SN12312232SHARP+MX-4111N',
    });
    expect(event.http).toEqual({ request: { method: 'GET' }, response: { status_code: 302 } });
    expect(event.user_agent).toEqual({ original: 'OpenSystems/1.0; product-family="85"; product-version="123ER123"' });
  });

  it('reads the 15-column IIS 8.5 layout with its referrer column', () => {
    const event = parsed('2026-11-30 09:40:01 10.0.0.5 POST /login.aspx - 443 alice 203.0.113.7 Mozilla/5.0+(Windows+NT+10.0) https://example.org/ 401 1 1326 15');
    expect(event.user).toEqual({ name: 'alice' });
    expect(event.http).toEqual({ request: { method: 'POST', referrer: 'https://example.org/' }, response: { status_code: 401 } });
    expect(event.user_agent).toEqual({ original: 'Mozilla/5.0 (Windows NT 10.0)' });
    expect(event.url).toEqual({ original: '/login.aspx', path: '/login.aspx' });
    expect(event.vendor?.iis).toEqual({ sub_status: 1, win32_status: 1326 });
  });

  it('parses the default-layout lines of wazuh web_rules.ini; the 21-column IIS 6 layout needs its #Fields header', () => {
    expect(datasets(iisLines.filter((l) => l.split(' ').length <= 15))).toEqual(new Map([['iis.access', 3]]));
    const iis6 = iisLines.find((l) => l.includes('W3SVC58'))!;
    expect(parse(iis6)).toEqual({ ok: false, reason: 'unrecognized format: not a syslog line' });
  });
});
