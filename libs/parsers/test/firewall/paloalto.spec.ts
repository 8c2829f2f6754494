import { failures, lineWith, parse, parsed, wazuhPassLines } from './corpus-lines';

const PAN = wazuhPassLines('paloalto.ini');

describe('PAN-OS CSV (wazuh paloalto.ini)', () => {
  it('reads a THREAT record with no syslog header', () => {
    const event = parsed(lineWith(PAN, ',THREAT,vulnerability,'));
    // Generated time 2021/07/12 09:46:00 in the source zone (UTC+7).
    expect(event['@timestamp']).toBe('2021-07-12T02:46:00.000Z');
    expect(event.event).toMatchObject({
      kind: 'alert',
      dataset: 'panw.panos',
      module: 'panw',
      category: ['network', 'intrusion_detection'],
      type: ['info', 'denied'],
      action: 'reset-both',
      outcome: 'failure',
      severity: 2,
    });
    expect(event.source).toEqual({ ip: '199.195.252.165', port: 55094, nat: { ip: '199.195.252.165', port: 55094 } });
    expect(event.destination).toEqual({ ip: '172.30.250.61', port: 443, nat: { ip: '10.20.0.19', port: 443 } });
    expect(event.network).toEqual({ type: 'ipv4', transport: 'tcp', protocol: 'web-browsing' });
    expect(event.rule).toEqual({ name: 'GPS-UAT-MODULR-Web-443-OUT', category: 'any' });
    expect(event.observer).toEqual({
      vendor: 'Palo Alto Networks',
      product: 'PAN-OS',
      type: 'firewall',
      serial_number: '321321321',
      ingress: { interface: { name: 'ethernet1/1' } },
      egress: { interface: { name: 'tunnel.2' } },
    });
    expect(event.vendor?.panw).toMatchObject({
      type: 'THREAT',
      subtype: 'vulnerability',
      threat_name: 'DCS-2530L Unauthenticated Information Disclosure Vulnerability',
      threat_id: '90255',
      threat_severity: 'high',
      direction: 'client-to-server',
      misc: 'getuser',
    });
  });

  it('reads a denied TRAFFIC record with bytes and packets', () => {
    const event = parsed(lineWith(PAN, ',TRAFFIC,N/A,'));
    expect(event.event).toMatchObject({ category: ['network'], type: ['connection', 'denied'], action: 'deny', outcome: 'failure' });
    expect(event.source).toEqual({ ip: '10.210.0.84', port: 500, bytes: 0, packets: 1 });
    expect(event.destination).toEqual({ ip: '51.11.168.232', port: 500, bytes: 0, packets: 0 });
    expect(event.network).toEqual({ type: 'ipv4', transport: 'udp', bytes: 0, packets: 1 });
    expect(event.rule).toEqual({ name: 'DENY-ALL' });
  });

  it('reads a SYSTEM record after a header without program name, keeping the device name', () => {
    const event = parsed(lineWith(PAN, 'general,critical,'));
    expect(event.host).toEqual({ name: 'xx-xx-xx.xx' });
    expect(event.event).toMatchObject({ category: ['host'], action: 'general', severity: 1 });
    expect(event.message).toBe('xxxxxxxxxxxxxxx');
  });

  it('reads masked records (day 00, names for addresses) without inventing addresses', () => {
    const event = parsed(lineWith(PAN, ',TRAFFIC,start,'));
    expect(event.host).toEqual({ name: 'XXX-XX-00' });
    expect(event.event).toMatchObject({ type: ['connection', 'start'] });
    expect(event.source?.ip).toBeUndefined();
    // No valid time in the record or header: the receipt time.
    expect(event['@timestamp']).toBe('2026-11-30T09:00:00.000Z');
  });

  it('rejects an unterminated quoted field', () => {
    expect(parse('1,2020/02/09 00:00:00,001,SYSTEM,general,0,2020/02/09 00:00:00,,general,,0,0,general,high,"open')).toEqual({
      ok: false,
      reason: 'paloalto: unterminated quoted CSV field',
    });
  });

  it('parses every pass line as PAN-OS', () => {
    expect(failures(PAN)).toEqual([]);
    expect(PAN).toHaveLength(16);
    expect(PAN.every((line) => parsed(line).event.dataset === 'panw.panos')).toBe(true);
  });
});
