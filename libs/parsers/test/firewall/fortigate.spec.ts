import { failures, lineWith, logLines, parse, parsed, wazuhPassLines } from './corpus-lines';

const ELASTIC = logLines('elastic-integrations', 'fortinet_fortigate', 'test-fortinet.log');
const WAZUH = wazuhPassLines('fortigate.ini');

describe('FortiGate key=value over <PRI> only (elastic test-fortinet.log)', () => {
  it('reads a blocked webfilter record, with its own tz', () => {
    const event = parsed(ELASTIC[0]!);
    // 12:17:48 at tz -0500 is 17:17:48 UTC.
    expect(event['@timestamp']).toBe('2020-04-23T17:17:48.000Z');
    expect(event.event).toMatchObject({
      dataset: 'fortinet_fortigate.log',
      module: 'fortinet_fortigate',
      code: '0316013056',
      action: 'blocked',
      outcome: 'failure',
      category: ['network', 'web'],
      type: ['connection', 'denied'],
      severity: 4,
    });
    expect(event.source).toEqual({ ip: '192.168.2.1', port: 61930, bytes: 1152 });
    expect(event.destination).toEqual({ ip: '67.43.156.13', port: 443, bytes: 1130 });
    expect(event.network).toMatchObject({ transport: 'tcp', iana_number: '6', protocol: 'https', bytes: 2282, type: 'ipv4' });
    expect(event.observer).toEqual({
      vendor: 'Fortinet',
      product: 'FortiGate',
      type: 'firewall',
      name: 'testswitch1',
      serial_number: 'somerouterid',
      ingress: { interface: { name: 'port1' } },
      egress: { interface: { name: 'wan1' } },
    });
    expect(event.url).toEqual({ original: '/config/', domain: 'elastic.co', path: '/config/' });
    expect(event.user).toEqual({ name: 'elasticuser' });
    expect(event.rule).toEqual({ id: '100602' });
    expect(event.log).toEqual({ syslog: { priority: 188, facility: { code: 23 }, severity: { code: 4 } } });
  });

  it('keeps every key under vendor.fortinet, as written', () => {
    const event = parsed(ELASTIC[0]!);
    expect(event.vendor?.fortinet).toMatchObject({ logid: '0316013056', eventtype: 'ftgd_blk', profile: 'elasticruleset', eventtime: '1587230269052907555', tz: '-0500' });
    expect(Object.keys(event.vendor?.fortinet ?? {})).toHaveLength(ELASTIC[0]!.match(/ [a-z_]+=/g)!.length + 1);
  });

  it('reads source NAT and a named policy on an accepted forward session', () => {
    const event = parsed(lineWith(ELASTIC, 'policyname="newruleelastic"'));
    expect(event.source).toMatchObject({ ip: '192.168.10.10', port: 6000, nat: { ip: '67.43.156.14', port: 60964 } });
    expect(event.event).toMatchObject({ action: 'accept', outcome: 'success', type: ['connection', 'allowed'] });
    expect(event.rule).toEqual({ id: '3426', name: 'newruleelastic', ruleset: 'policy' });
  });

  it('puts date and time without tz in the source zone', () => {
    const event = parsed(ELASTIC[1]!);
    // 2020-04-23 01:16:08 in Asia/Ho_Chi_Minh (UTC+7).
    expect(event['@timestamp']).toBe('2020-04-22T18:16:08.000Z');
    expect(event.event).toMatchObject({ action: 'deny', type: ['connection', 'denied'], code: '0000000013' });
    expect(event.network).toMatchObject({ transport: 'udp', protocol: 'snmp' });
  });

  it('uses eventtime in nanoseconds when there is no date', () => {
    const event = parsed(lineWith(ELASTIC, 'reason="ssh_key_invalid"'));
    expect(event['@timestamp']).toBe('2023-12-11T01:22:32.722Z');
    expect(event.event).toMatchObject({ category: ['authentication'], type: ['start'], action: 'login', outcome: 'failure', severity: 1 });
    expect(event.user).toEqual({ name: 'philipp' });
    expect(event.source).toEqual({ ip: '192.168.0.10' });
  });

  it.each([
    ['1702257752', '2023-12-11T01:22:32.000Z'],
    ['1702257752722', '2023-12-11T01:22:32.722Z'],
    ['1702257752722386', '2023-12-11T01:22:32.722Z'],
  ])('reads eventtime %s by its digit count', (eventtime, expected) => {
    expect(parsed(`<185>eventtime=${eventtime} logid="0100032002" type="event" subtype="system"`)['@timestamp']).toBe(expected);
  });

  it('drops an address that is not an IP rather than storing it', () => {
    const event = parsed('<189>date=2020-04-23 time=01:16:08 logid="0000000013" type="traffic" srcip=999.1.1.1 srcport=5 dstip=N/A');
    expect(event.source).toEqual({ port: 5 });
    expect(event.destination).toBeUndefined();
  });

  it.each([
    [47, 'fortigate: no logid or type: not a FortiOS log record'],
    [48, 'fortigate: no logid or type: not a FortiOS log record'],
  ])('rejects the malformed line %i (empty date=, no logid or type)', (lineNumber, reason) => {
    expect(parse(ELASTIC[lineNumber - 1]!)).toEqual({ ok: false, reason });
  });

  it('rejects an unterminated quoted value', () => {
    expect(parse('<189>date=2020-04-23 time=01:16:08 logid="0000000013 type=traffic')).toEqual({ ok: false, reason: 'fortigate: unterminated quoted value for logid' });
  });

  it('parses every other line of the file', () => {
    expect(failures(ELASTIC)).toEqual(['47: fortigate: no logid or type: not a FortiOS log record', '48: fortigate: no logid or type: not a FortiOS log record']);
    expect(ELASTIC).toHaveLength(53);
  });
});

describe('FortiGate lines of the Wazuh ruleset tests (fortigate.ini)', () => {
  it('reads an IPS drop as an intrusion detection alert', () => {
    const event = parsed(lineWith(WAZUH, 'logid="0419016384"'));
    expect(event.event).toMatchObject({ kind: 'alert', category: ['network', 'intrusion_detection'], action: 'dropped', outcome: 'failure', severity: 1 });
    expect(event.source).toEqual({ ip: '10.1.100.22', port: 46810 });
    expect(event.destination).toEqual({ ip: '172.16.200.55', port: 80 });
    expect(event.network).toMatchObject({ direction: 'inbound', protocol: 'http' });
    expect(event.url).toEqual({ original: '/ips/sig1.pdf', domain: '172.16.200.55', path: '/ips/sig1.pdf' });
    expect(event.vendor?.fortinet).toMatchObject({ attack: 'Adobe.Flash.newfunction.Handling.Code.Execution', attackid: '23305' });
  });

  it('keeps the relay host of a syslog header and reads the record after it', () => {
    const event = parsed(lineWith(WAZUH, 'attack="tcp_syn_flood"'));
    expect(event.host).toEqual({ name: '10.10.10.10' });
    expect(event['@timestamp']).toBe('2016-03-22T12:20:46.000Z');
    expect(event.event).toMatchObject({ category: ['network', 'intrusion_detection'], kind: 'alert' });
  });

  it('reads FortiOS 3 records after a timestamp with no host, and their old key names', () => {
    const event = parsed(lineWith(WAZUH, 'log_id=0038016004'));
    // `time=10: 13:03` is FortiOS 3's own spacing.
    expect(event['@timestamp']).toBe('2011-07-24T03:13:03.000Z');
    expect(event.event).toMatchObject({ code: '0038016004', action: 'deny', outcome: 'failure' });
    expect(event.source).toMatchObject({ ip: '10.3.3.3' });
    expect(event.observer).toMatchObject({ serial_number: 'FGTXXXX9999999999' });
  });

  it('reads an admin login failure with the address from ui=', () => {
    const event = parsed(lineWith(WAZUH, 'ui=ssh(222.186.130.227)'));
    expect(event.event).toMatchObject({ category: ['authentication'], outcome: 'failure', action: 'login' });
    expect(event.user).toEqual({ name: 'root' });
    expect(event.source).toEqual({ ip: '222.186.130.227' });
  });

  it('parses every pass line as FortiGate', () => {
    expect(failures(WAZUH)).toEqual([]);
    expect(WAZUH).toHaveLength(46);
    for (const line of WAZUH) {
      const event = parsed(line);
      expect(event.event.dataset).toBe('fortinet_fortigate.log');
      expect(event.observer?.vendor).toBe('Fortinet');
    }
  });
});

describe('FortiGate after a real syslog header', () => {
  it('is read by the message parser and keeps the header host and priority', () => {
    const body = ELASTIC[1]!.replace(/^<\d+>/, '');
    const event = parsed(`<189>Nov 30 16:40:01 fw01 ${body}`);
    expect(event.host).toEqual({ name: 'fw01' });
    expect(event.event.dataset).toBe('fortinet_fortigate.log');
    expect(event.log?.syslog?.priority).toBe(189);
    expect(event['@timestamp']).toBe('2020-04-22T18:16:08.000Z');
  });
});
