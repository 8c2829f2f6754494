import { failures, lineWith, parsed, wazuhPassLines } from './corpus-lines';

const IOS = wazuhPassLines('cisco_ios.ini');

describe('Cisco IOS %FACILITY-SEVERITY-MNEMONIC (wazuh cisco_ios.ini)', () => {
  it('reads an access-list deny after a syslog header', () => {
    const event = parsed(lineWith(IOS, 'list 102 denied tcp 10.0.6.56(3067) -> 172.36.4.7(139), 1 packet'));
    expect(event.host).toEqual({ name: '10.10.10.1' });
    expect(event.event).toMatchObject({ dataset: 'cisco_ios.log', code: 'SEC-IPACCESSLOGP', severity: 6, action: 'denied', outcome: 'failure', type: ['connection', 'denied'] });
    expect(event.source).toEqual({ ip: '10.0.6.56', port: 3067 });
    expect(event.destination).toEqual({ ip: '172.36.4.7', port: 139 });
    expect(event.network).toEqual({ transport: 'tcp', type: 'ipv4', packets: 1 });
    expect(event.rule).toEqual({ name: '102' });
  });

  it('reads the IOS clock after a sequence number, in UTC when it says gmt', () => {
    const event = parsed(lineWith(IOS, '3924923: *Oct  6 03:32:04.114 gmt:'));
    expect(event['@timestamp']).toBe('2026-10-06T03:32:04.114Z');
    expect(event.rule).toEqual({ name: 'bcv_out' });
  });

  it('reads the ingress interface of an access-list hit', () => {
    expect(parsed(lineWith(IOS, '(Serial4/3 )')).observer).toMatchObject({ ingress: { interface: { name: 'Serial4/3' } } });
  });

  it('reads an IPS signature as an alert', () => {
    const event = parsed(lineWith(IOS, 'Sig:5123'));
    expect(event.event).toMatchObject({ kind: 'alert', category: ['network', 'intrusion_detection'] });
    expect(event.rule).toEqual({ id: '5123/2', name: 'WWW IIS Internet Printing Overflow' });
    expect(event.destination).toEqual({ ip: '10.10.10.10', port: 80 });
  });

  it('reads an SSH login', () => {
    const event = parsed(lineWith(IOS, 'SSH2_USERAUTH'));
    expect(event.event).toMatchObject({ category: ['authentication'], outcome: 'success' });
    expect(event.user).toEqual({ name: 'user' });
  });

  it('keeps other messages with their code and severity', () => {
    const event = parsed(lineWith(IOS, '%LINK-3-UPDOWN: Interface Port-channel1'));
    expect(event.event).toMatchObject({ code: 'LINK-UPDOWN', severity: 3 });
    expect(event.message).toBe('Interface Port-channel1, changed state to up');
  });

  it('parses every pass line as IOS', () => {
    expect(failures(IOS)).toEqual([]);
    expect(IOS).toHaveLength(17);
    expect(IOS.every((line) => parsed(line).event.dataset === 'cisco_ios.log')).toBe(true);
  });
});
