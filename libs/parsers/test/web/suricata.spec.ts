import { corpusLines, datasets, parse, parsed, wazuhLines } from '../parser-test-kit';

const eve = corpusLines('elastic-integrations', 'suricata', 'test-eve-small.log');
const byType = (type: string): string => eve.find((l) => l.includes(`"event_type":"${type}"`))!;

describe('Suricata EVE JSON', () => {
  it('reads an alert: rule, severity, action, flow counters, TLS SNI', () => {
    const line = byType('alert');
    const event = parsed(line);
    expect(event['@timestamp']).toBe('2018-07-05T19:07:20.910Z');
    expect(event.event).toMatchObject({
      kind: 'alert',
      category: ['network', 'intrusion_detection'],
      type: ['allowed'],
      action: 'allowed',
      severity: 1,
      dataset: 'suricata.eve',
      module: 'suricata',
      original: line,
    });
    expect(event.rule).toEqual({ id: '2024833', name: 'ET POLICY Observed IP Lookup Domain (l2 .io in TLS SNI)', category: 'Potential Corporate Privacy Violation' });
    expect(event.observer).toEqual({ vendor: 'OISF', product: 'Suricata', type: 'ids', ingress: { interface: { name: 'en0' } } });
    expect(event.source).toEqual({ ip: '192.168.86.85', port: 55641, bytes: 793, packets: 4 });
    expect(event.destination).toEqual({ ip: '192.168.156.70', port: 443, bytes: 343, packets: 3 });
    expect(event.network).toEqual({ transport: 'tcp', protocol: 'tls', bytes: 1136, packets: 7 });
    expect(event.tls).toEqual({ version: '1.2', client: { server_name: 'l2.io' } });
    expect(event.vendor?.suricata).toMatchObject({ event_type: 'alert', flow_id: 904992230150281, alert: { gid: 1, rev: 3 } });
  });

  it('reads http: url, method, status, user agent', () => {
    const event = parsed(byType('http'));
    expect(event.event).toMatchObject({ kind: 'event', category: ['network', 'web'], type: ['access', 'protocol'] });
    expect(event.url).toEqual({ original: '/dd.xml', path: '/dd.xml', domain: '192.168.86.28' });
    expect(event.http).toEqual({ request: { method: 'GET' }, response: { status_code: 200, bytes: 1155 }, version: '1.1' });
    expect(event.user_agent?.original).toMatch(/^Mozilla\/5\.0 \(Macintosh; Intel Mac OS X 10_13_5\)/);
  });

  it('reads dns, tls (ja3), fileinfo, flow and stats', () => {
    expect(parsed(byType('dns')).dns).toEqual({ question: { name: 'clients.l.google.com', type: 'A' }, response_code: 'NOERROR' });

    const tls = parsed(eve[11]!);
    expect(tls.tls).toEqual({ client: { server_name: 'www.example.com', ja3: '44d502d471cfdb99c59bdfb0f220e5a8' } });
    expect(parsed(byType('tls')).tls?.server?.subject).toBe('CN=*.icloud.com, OU=management:idms.group.506364, O=Apple Inc., ST=California, C=US');

    const file = parsed(byType('fileinfo'));
    expect(file.event).toMatchObject({ category: ['network', 'file'], type: ['info'] });
    expect(file.file).toMatchObject({ path: '/ssdp/device-desc.xml', name: 'device-desc.xml', hash: { md5: '427b7337ff37eeb24d74f47d8e04cf21' } });

    const flow = parsed(byType('flow'));
    expect(flow.event.type).toEqual(['connection', 'end']);
    expect(flow.source).toEqual({ ip: 'fe80:0000:0000:0000:fada:0cff:fedc:87f1', port: 546, bytes: 110, packets: 1 });
    expect(flow.network).toEqual({ transport: 'udp', bytes: 110, packets: 1 });

    // SecurityEvent's event.kind has no 'metric': stats stay 'event', typed info, with no network fields.
    const stats = parsed(byType('stats'));
    expect(stats.event).toMatchObject({ kind: 'event', type: ['info'], dataset: 'suricata.eve' });
    expect(stats.source).toBeUndefined();
    expect(stats.vendor?.suricata).toHaveProperty('stats.uptime', 5400);
  });

  it('keeps 64-bit flow ids exact and reads blocked alerts and EVE through syslog', () => {
    const line =
      '{"timestamp":"2026-11-30T16:40:01.5+07:00","flow_id":1234567890123456789,"event_type":"alert","src_ip":"203.0.113.5","dest_ip":"10.0.0.2","proto":"ICMP","alert":{"action":"blocked","signature_id":1,"signature":"x","severity":2}}';
    const event = parsed(line);
    expect(event['@timestamp']).toBe('2026-11-30T09:40:01.500Z');
    expect(event.vendor?.suricata?.flow_id).toBe('1234567890123456789');
    expect(event.event).toMatchObject({ kind: 'alert', type: ['denied'], action: 'blocked', severity: 2 });
    expect(event.network).toEqual({ transport: 'icmp' });

    const syslog = parsed(`<14>Nov 30 16:40:01 ids01 suricata[812]: ${line}`);
    expect(syslog.event.dataset).toBe('suricata.eve');
    expect(syslog.host).toEqual({ name: 'ids01' });
  });

  it.each([
    ['{"event_type":"alert","timestamp":"yesterday","src_ip":"192.0.2.1"}', 'suricata: invalid timestamp "yesterday"'],
    ['{"event_type":"alert","timestamp":"2026-01-01T00:00:00Z","flow_id":1', 'suricata: invalid JSON'],
  ])('rejects %s with a reason', (line, reason) => {
    const outcome = parse(line);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toContain(reason);
  });

  it('leaves JSON that only shares the event_type and timestamp keys to generic JSON', () => {
    expect(parsed('{"event_type":"login","timestamp":"2026-01-01T00:00:00Z","user":"x"}').event.dataset).toBe('json');
  });

  it('parses every line of test-eve-small.log and the EVE lines of wazuh malicious-ioc.ini', () => {
    expect(datasets(eve)).toEqual(new Map([['suricata.eve', 12]]));
    const ioc = wazuhLines('malicious-ioc.ini').filter((l) => l.includes('"event_type"'));
    expect(ioc).toHaveLength(4);
    expect(datasets(ioc)).toEqual(new Map([['suricata.eve', 4]]));
    expect(parsed(ioc[0]!).rule?.id).toBe('2019236');
  });
});
