import { failures, logLines, parse, parsed, wazuhPassLines } from './corpus-lines';

const ELASTIC = logLines('elastic-integrations', 'pfsense', 'test-pfsense-bsd.log');
const WAZUH = wazuhPassLines('pfsense.ini');

describe('pfSense filterlog (elastic test-pfsense-bsd.log)', () => {
  it('reads a blocked IPv4 TCP SYN, with the tag left in the message by a host-less header', () => {
    const event = parsed(ELASTIC[0]!);
    // Jul  3 19:10:30 in Asia/Ho_Chi_Minh; received 2026-11-30, so the same year.
    expect(event['@timestamp']).toBe('2026-07-03T12:10:30.000Z');
    expect(event.event).toMatchObject({ dataset: 'pfsense.log', module: 'pfsense', category: ['network'], type: ['connection', 'denied'], action: 'block', outcome: 'failure' });
    expect(event.source).toEqual({ ip: '10.170.12.50', port: 49724 });
    expect(event.destination).toEqual({ ip: '1.1.1.1', port: 853 });
    expect(event.network).toEqual({ type: 'ipv4', transport: 'tcp', iana_number: '6', direction: 'inbound', bytes: 60 });
    expect(event.observer).toEqual({ vendor: 'Netgate', product: 'pfSense', type: 'firewall', ingress: { interface: { name: 'igb1.12' } } });
    expect(event.rule).toEqual({ id: '1535324496' });
    expect(event.vendor?.pfsense).toMatchObject({ rule_number: '146', tracker: '1535324496', ttl: '63', flags: 'DF', tcp_flags: 'S', window: '64240' });
  });

  it('reads an IPv6 UDP record by its own column layout', () => {
    const event = parsed(ELASTIC[6]!);
    expect(event.source).toEqual({ ip: 'fe80::208:9bff:fef3:652b', port: 546 });
    expect(event.destination).toEqual({ ip: 'ff02::1:2', port: 547 });
    expect(event.network).toMatchObject({ type: 'ipv6', transport: 'udp', iana_number: '17', bytes: 32 });
    expect(event.vendor?.pfsense).toMatchObject({ hop_limit: '1', flow_label: '0xf6279' });
  });

  it.each([
    [17, 'igmp', '10.170.12.17', '239.255.255.250'],
    [18, 'icmp', '10.100.10.30', '142.250.114.105'],
  ])('reads line %i (%s) without ports', (lineNumber, transport, source, destination) => {
    const event = parsed(ELASTIC[lineNumber - 1]!);
    expect(event.network?.transport).toBe(transport);
    expect(event.source).toEqual({ ip: source });
    expect(event.destination).toEqual({ ip: destination });
    expect(event.event).toMatchObject({ action: 'pass', type: ['connection', 'allowed'] });
  });

  it('parses every line', () => {
    expect(failures(ELASTIC)).toEqual([]);
    expect(ELASTIC).toHaveLength(19);
  });

  it('rejects a record cut short', () => {
    expect(parse('<134>Jul  3 19:10:30 fw filterlog[1]: 146,,,1535324496,igb1.12,match,block,in,4,0x0,,63')).toEqual({
      ok: false,
      reason: 'pfsense: IPv4 record cut short: 12 CSV fields',
    });
  });
});

describe('pfSense filterlog (wazuh pfsense.ini)', () => {
  it('reads an outbound pass on the egress interface, with the host of the header', () => {
    const event = parsed(WAZUH[1]!);
    expect(event.host).toEqual({ name: 'pfSense' });
    expect(event.event).toMatchObject({ action: 'block', dataset: 'pfsense.log' });
    const outbound = parsed(WAZUH[0]!);
    expect(outbound.observer?.egress).toEqual({ interface: { name: 'vmx1' } });
    expect(outbound.network?.direction).toBe('outbound');
  });

  it('parses every pass line as pfSense', () => {
    expect(failures(WAZUH)).toEqual([]);
    expect(WAZUH.map((line) => parsed(line).observer?.product)).toEqual(['pfSense', 'pfSense']);
  });
});
