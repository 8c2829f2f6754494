import { datasets, parsed, wazuhLines } from '../parser-test-kit';

describe('Squid native access log', () => {
  it('reads a denied proxy request (wazuh squid_rules.ini)', () => {
    const line = wazuhLines('squid_rules.ini')[1]!;
    const event = parsed(line);
    expect(event['@timestamp']).toBe('2006-02-23T13:27:10.827Z');
    expect(event.event).toMatchObject({
      kind: 'event',
      category: ['web', 'network'],
      type: ['access'],
      outcome: 'failure',
      action: 'TCP_DENIED',
      duration: 781_000_000,
      dataset: 'squid.access',
      module: 'squid',
    });
    expect(event.source).toEqual({ address: '192.168.1.210', ip: '192.168.1.210' });
    expect(event.user).toEqual({ name: 'oahmet' });
    expect(event.http).toEqual({ request: { method: 'GET' }, response: { status_code: 407, bytes: 1785 } });
    expect(event.url).toEqual({ original: 'http://www.ossec.net', scheme: 'http', domain: 'www.ossec.net' });
    expect(event.vendor?.squid).toEqual({ result_code: 'TCP_DENIED', hierarchy_code: 'NONE', content_type: 'text/html' });
  });

  it('reads a cache hit with a peer, through syslog', () => {
    const event = parsed('<14>Nov 30 16:40:01 proxy1 squid[55]: 1764495601.250    120 10.0.0.7 TCP_MISS/200 5120 CONNECT example.org:443 - HIER_DIRECT/93.184.216.34 -');
    expect(event.event).toMatchObject({ outcome: 'success', action: 'TCP_MISS', dataset: 'squid.access' });
    expect(event.url).toEqual({ original: 'example.org:443', domain: 'example.org', port: 443 });
    expect(event.destination).toEqual({ address: '93.184.216.34', ip: '93.184.216.34' });
    expect(event.user).toBeUndefined();
    expect(event.host).toEqual({ name: 'proxy1' });
  });

  it('parses every line of wazuh squid_rules.ini', () => {
    expect(datasets(wazuhLines('squid_rules.ini'))).toEqual(new Map([['squid.access', 2]]));
  });
});
