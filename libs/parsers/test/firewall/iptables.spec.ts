import { failures, logLines, parsed, readWazuh, wazuhPassLines } from './corpus-lines';

const ELASTIC = logLines('elastic-integrations', 'iptables', 'test-iptables-raw.log');
const WAZUH = wazuhPassLines('iptables.ini');

describe('netfilter kernel lines (elastic test-iptables-raw.log)', () => {
  it('reads a Ubiquiti-prefixed drop after <PRI> and a BSD stamp', () => {
    const event = parsed(ELASTIC[0]!);
    expect(event['@timestamp']).toBe('2026-10-10T00:25:12.000Z');
    expect(event.host).toEqual({ name: 'Hostname' });
    expect(event.event).toMatchObject({ dataset: 'iptables.log', module: 'iptables', action: 'drop', outcome: 'failure', type: ['connection', 'denied'] });
    expect(event.rule).toEqual({ name: 'wan-lan-default-D' });
    expect(event.source).toEqual({ ip: '67.43.156.15', port: 38842, mac: '90-10-65-29-B6-2A' });
    expect(event.destination).toEqual({ ip: '10.4.0.5', port: 443, mac: '90-10-20-76-8D-20' });
    expect(event.network).toEqual({ type: 'ipv4', transport: 'tcp', bytes: 52 });
    expect(event.observer).toEqual({ product: 'iptables', type: 'firewall', ingress: { interface: { name: 'eth0' } } });
    expect(event.vendor?.iptables).toMatchObject({ TTL: '63', WINDOW: '2853', flags: ['DF', 'ACK'] });
  });

  it.each([
    [2, '<6>2021-03-12T14:10:18Z'],
    [3, '2021-03-12T14:10:18Z'],
  ])('reads line %i with an ISO stamp (%s)', (lineNumber) => {
    const event = parsed(ELASTIC[lineNumber - 1]!);
    expect(event['@timestamp']).toBe('2021-03-12T14:10:18.000Z');
    expect(event.source?.ip).toBe('67.43.156.15');
  });

  it('keeps the quoted packet of an ICMP error apart from the packet itself', () => {
    const event = parsed(ELASTIC[3]!);
    expect(event.rule).toEqual({ name: 'DENY' });
    expect(event.source).toMatchObject({ ip: '192.168.2.71' });
    expect(event.destination).toMatchObject({ ip: '192.168.2.83' });
    expect(event.network?.transport).toBe('icmp');
    expect(event.vendor?.iptables).toMatchObject({ TYPE: '3', CODE: '3', inner: expect.stringContaining('SPT=21458') as unknown });
  });

  it('reads IPv6 ICMP on the egress interface, skipping the kernel clock', () => {
    const event = parsed(ELASTIC[14]!);
    expect(event.network).toMatchObject({ type: 'ipv6', transport: 'ipv6-icmp' });
    expect(event.observer?.egress).toEqual({ interface: { name: 'lo' } });
    expect(event.observer?.ingress).toBeUndefined();
    expect(event.rule).toBeUndefined();
  });

  it('takes the host from the message when the header has no program name', () => {
    const event = parsed(ELASTIC[22]!);
    expect(event.host).toEqual({ name: 'Abc-A1' });
    expect(event.rule).toEqual({ name: 'SOMETHING-1234-A' });
    expect(event.event).toMatchObject({ action: 'accept', outcome: 'success' });
  });

  it('parses every line', () => {
    expect(failures(ELASTIC)).toEqual([]);
    expect(ELASTIC).toHaveLength(24);
    expect(ELASTIC.every((line) => parsed(line).event.dataset === 'iptables.log')).toBe(true);
  });
});

describe('netfilter kernel lines (wazuh iptables.ini, firewalld.ini)', () => {
  it('reads a ufw block', () => {
    const event = parsed(WAZUH[WAZUH.length - 1]!);
    expect(event.rule).toEqual({ name: 'UFW BLOCK' });
    expect(event.event).toMatchObject({ action: 'drop' });
    expect(event.source).toMatchObject({ ip: '254.253.252.251', port: 17833 });
    expect(event.vendor?.iptables).toMatchObject({ flags: ['DF', 'CWR', 'ECE', 'SYN'] });
  });

  it('parses every pass line as iptables', () => {
    expect(failures(WAZUH)).toEqual([]);
    expect(WAZUH).toHaveLength(43);
    expect(WAZUH.every((line) => parsed(line).event.dataset === 'iptables.log')).toBe(true);
  });

  it('leaves firewalld daemon errors (the negative tests) to the generic syslog reading', () => {
    const lines = readWazuh('firewalld.ini', 'fail');
    expect(lines).toHaveLength(3);
    expect(lines.map((line) => parsed(line).event.dataset)).toEqual(['syslog', 'syslog', 'syslog']);
  });
});
