import { SecurityEvent } from '@soc/parsers';
import { failures, lineWith, logLines, parse, parsed, readWazuh, wazuhPassLines } from './corpus-lines';

const ASA = wazuhPassLines('cisco_asa.ini');
const FTD = wazuhPassLines('cisco_ftd.ini');
const PIX = wazuhPassLines('pix.ini');

type Expected = Partial<Pick<SecurityEvent, 'source' | 'destination' | 'user' | 'rule'>> & { event: Record<string, unknown>; network?: Record<string, unknown> };

describe('Cisco ASA message ids (wazuh cisco_asa.ini)', () => {
  it.each<[string, Expected]>([
    [
      '%ASA-2-106001:',
      {
        event: { code: '106001', severity: 2, action: 'connection-denied', type: ['connection', 'denied'], outcome: 'failure' },
        source: { ip: '111.93.241.59', port: 54322 },
        destination: { ip: '116.6.127.122', port: 1433 },
        network: { transport: 'tcp' },
      },
    ],
    ['%ASA-2-106006:', { event: { code: '106006', action: 'deny' }, source: { ip: '185.158.113.158', port: 53306 }, destination: { ip: '116.6.127.123', port: 53413 }, network: { transport: 'udp' } }],
    ['%ASA-3-106010:', { event: { code: '106010', action: 'deny' }, source: { ip: '115.51.6.185' }, destination: { ip: '116.6.127.120' }, network: { transport: 'gre', iana_number: '47' } }],
    ['%ASA-3-106014:', { event: { code: '106014', outcome: 'failure' }, source: { ip: '151.80.47.231' }, destination: { ip: '116.6.127.112' }, network: { transport: 'icmp' } }],
    ['%ASA-4-106023: Deny tcp', { event: { code: '106023', severity: 4 }, source: { ip: '111.11.11.1', port: 2143 }, destination: { ip: '172.11.1.11', port: 139 }, rule: { name: 'inside_inbound' } }],
    ['%ASA-6-106015:', { event: { code: '106015' }, source: { ip: '192.168.0.1', port: 11 }, destination: { ip: '192.168.0.2', port: 22 } }],
    [
      '%ASA-6-302013:',
      {
        event: { code: '302013', action: 'connection-built', type: ['connection', 'allowed', 'start'] },
        // Outbound: the "to" side (inside) opened the connection.
        source: { ip: '10.1.1.2', port: 53496 },
        destination: { ip: '10.1.2.1', port: 22 },
        network: { transport: 'tcp', direction: 'outbound' },
      },
    ],
    [
      '%ASA-6-302014:',
      {
        event: { code: '302014', action: 'connection-teardown', type: ['connection', 'allowed', 'end'], duration: 0 },
        source: { ip: '171.70.168.183', port: 53 },
        destination: { ip: '192.168.1.185', port: 1032 },
        network: { bytes: 526, transport: 'tcp' },
      },
    ],
    ['%ASA-6-305011:', { event: { code: '305011', action: 'nat-built', type: ['start'] }, source: { ip: '10.235.50.55', port: 58159, nat: { ip: '193.17.116.1', port: 58159 } } }],
    ['%ASA-6-305012:', { event: { code: '305012', action: 'nat-teardown', type: ['end'], duration: 152e9 }, source: { ip: '10.233.16.130', port: 6890, nat: { ip: '193.17.108.1', port: 6890 } } }],
    ['%ASA-6-605004:', { event: { code: '605004', category: ['authentication'], outcome: 'failure' }, user: { name: 'root' }, source: { ip: '192.168.2.10', port: 32597 }, destination: { ip: '192.168.2.14' }, network: { protocol: 'ssh' } }],
    ['%ASA-6-605005:', { event: { code: '605005', category: ['authentication'], outcome: 'success' }, user: { name: 'username' } }],
    ['%ASA-6-113004:', { event: { code: '113004', category: ['authentication'], outcome: 'success' }, user: { name: 'user' } }],
    ['%ASA-6-113005:', { event: { code: '113005', category: ['authentication'], outcome: 'failure' }, user: { name: 'user' }, source: { ip: '192.168.0.1' } }],
    ['%ASA-4-733100:', { event: { code: '733100', kind: 'alert', category: ['intrusion_detection', 'network'] } }],
  ])('reads %s', (needle, expected) => {
    const event = parsed(lineWith(ASA, needle));
    const { event: expectedEvent, network, ...rest } = expected;
    expect(event.event).toMatchObject({ dataset: 'cisco_asa.log', module: 'cisco_asa', ...expectedEvent });
    for (const [key, value] of Object.entries(rest)) expect(event[key as keyof typeof rest]).toEqual(value);
    if (network) expect(event.network).toMatchObject(network);
    expect(event.observer).toMatchObject({ vendor: 'Cisco', product: 'ASA', type: 'firewall' });
  });

  it('keeps the interfaces of a built connection and its mapped addresses', () => {
    const event = parsed(lineWith(ASA, '%ASA-6-302013:'));
    expect(event.observer).toMatchObject({ ingress: { interface: { name: 'inside' } }, egress: { interface: { name: 'outside' } } });
    expect(event.vendor?.cisco).toMatchObject({ connection_id: '9', message_id: '302013' });
  });

  it('still reads unknown ids: code, severity and message', () => {
    const event = parsed(lineWith(ASA, '%ASA-1-505015:'));
    expect(event.event).toMatchObject({ code: '505015', severity: 1, dataset: 'cisco_asa.log' });
    expect(event.message).toBe('Module ips, application up "IPS", version "7.2(2)E4" Normal Operation');
  });

  it("uses the ASA's own timestamp, which carries a year", () => {
    const event = parsed(lineWith(ASA, 'Oct 03 2018 17:34:08'));
    expect(event['@timestamp']).toBe('2018-10-03T10:34:08.000Z');
    expect(event.rule).toEqual({ name: 'ACLoffice' });
    // A network object name is not an IP: it is dropped, the port kept.
    expect(event.destination).toEqual({ port: 15000 });
  });

  it('reads the message id that a syslog header took for the program name', () => {
    const event = parsed(`<166>Nov 30 16:40:01 asa01 ${lineWith(ASA, '%ASA-6-302014:')}`);
    expect(event.host).toEqual({ name: 'asa01' });
    expect(event.event).toMatchObject({ code: '302014', dataset: 'cisco_asa.log', action: 'connection-teardown' });
    expect(event.log?.syslog?.priority).toBe(166);
    expect(event['@timestamp']).toBe('2026-11-30T09:40:01.000Z');
  });

  it('keeps the BSD stamp of a header whose host is followed by a colon', () => {
    const event = parsed(`<166>Nov 30 16:40:01 asa01 : ${lineWith(ASA, '%ASA-2-106006:')}`);
    expect(event.host).toEqual({ name: 'asa01' });
    expect(event['@timestamp']).toBe('2026-11-30T09:40:01.000Z');
    expect(event.event).toMatchObject({ code: '106006', dataset: 'cisco_asa.log' });
  });

  it('parses every pass line as ASA', () => {
    expect(failures(ASA)).toEqual([]);
    expect(ASA).toHaveLength(88);
    expect(ASA.every((line) => parsed(line).observer?.product === 'ASA')).toBe(true);
  });
});

describe('Cisco FTD and PIX (wazuh cisco_ftd.ini, pix.ini)', () => {
  it('reads FTD ids with the FTD dataset', () => {
    const event = parsed(lineWith(FTD, '%FTD-4-106023:'));
    expect(event.event).toMatchObject({ dataset: 'cisco_ftd.log', module: 'cisco_ftd', code: '106023', action: 'deny' });
    expect(event.observer).toMatchObject({ vendor: 'Cisco', product: 'FTD' });
    expect(event.rule).toEqual({ name: 'inside_inbound' });
  });

  it('reads template text (no addresses) without inventing any', () => {
    const event = parsed(lineWith(FTD, '%FTD-6-605004:'));
    expect(event.event).toMatchObject({ code: '605004', outcome: 'failure' });
    expect(event.user).toEqual({ name: 'username' });
    expect(event.source).toBeUndefined();
  });

  it('reads PIX deny lines, including a truncated 106001', () => {
    const event = parsed(lineWith(PIX, '%PIX-3-106010:'));
    expect(event.source).toEqual({ ip: '213.98.79.233', port: 2620 });
    expect(event.destination).toEqual({ ip: '213.98.254.145', port: 135 });
    expect(event.observer).toMatchObject({ product: 'PIX', ingress: { interface: { name: 'outside' } }, egress: { interface: { name: 'dmz' } } });
    expect(parsed(lineWith(PIX, '%PIX-2-106001:')).destination).toEqual({ ip: '165.189.27.70', port: 139 });
  });

  it('parses every pass line (and the fail lines, which only fail a Wazuh rule)', () => {
    expect(failures(FTD)).toEqual([]);
    expect(FTD).toHaveLength(42);
    expect(FTD.every((line) => parsed(line).event.dataset === 'cisco_ftd.log')).toBe(true);
    expect(failures(PIX)).toEqual([]);
    expect(PIX).toHaveLength(12);
    const pixAll = [...PIX, ...readWazuh('pix.ini', 'fail')];
    expect(pixAll.every((line) => parsed(line).observer?.product === 'PIX')).toBe(true);
  });

  it('does not claim an ASA-looking word inside JSON', () => {
    const outcome = parse('{"msg":"%ASA-6-302013: Built outbound TCP connection"}');
    expect(outcome.ok && outcome.event.event.dataset).not.toBe('cisco_asa.log');
  });
});

describe('Cisco FTD with its own `logging timestamp` header (tenzir syslog-rfc3164.log)', () => {
  it('reads the device timestamp with a year and the host before the colon', () => {
    const line = lineWith(logLines('tenzir-tests', 'syslog-rfc3164.log'), '%FTD-4-419002:');
    const event = parsed(line);
    // 11:50:03 on 2024-01-18 in the source zone (UTC+7).
    expect(event['@timestamp']).toBe('2024-01-18T04:50:03.000Z');
    expect(event.host).toEqual({ name: 'firepower' });
    expect(event.log?.syslog?.priority).toBe(164);
    expect(event.event).toMatchObject({ dataset: 'cisco_ftd.log', code: '419002', severity: 4 });
  });
});

// Ids the corpus has no concrete line for, written as Cisco's message reference prints them.
describe('Cisco ASA ids outside the corpus', () => {
  it.each<[string, Record<string, unknown>]>([
    [
      '%ASA-6-106100: access-list inside_access_in denied tcp inside/10.1.1.1(1234) -> outside/198.51.100.2(80) hit-cnt 1 first hit [0x2c8a3f7b, 0x0]',
      { event: { action: 'access-list-denied', outcome: 'failure' }, source: { ip: '10.1.1.1', port: 1234 }, destination: { ip: '198.51.100.2', port: 80 }, rule: { name: 'inside_access_in' } },
    ],
    [
      '%ASA-6-302015: Built inbound UDP connection 77 for outside:203.0.113.9/5353 (203.0.113.9/5353) to inside:10.0.0.5/53 (198.51.100.5/53)',
      { event: { action: 'connection-built' }, source: { ip: '203.0.113.9', port: 5353 }, destination: { ip: '10.0.0.5', port: 53, nat: { ip: '198.51.100.5', port: 53 } } },
    ],
    [
      '%ASA-6-302016: Teardown UDP connection 77 for outside:203.0.113.9/5353 to inside:10.0.0.5/53 duration 1:02:03 bytes 1200',
      { event: { action: 'connection-teardown', duration: 3723e9 }, network: { transport: 'udp', bytes: 1200, type: 'ipv4' } },
    ],
    [
      '%ASA-6-113015: AAA user authentication Rejected : reason = Invalid password : local database : user = admin : user IP = 192.0.2.7',
      { event: { category: ['authentication'], outcome: 'failure' }, user: { name: 'admin' }, source: { ip: '192.0.2.7' } },
    ],
    ['%ASA-6-611101: User authentication succeeded: IP address: 192.0.2.8, Uname: ops', { event: { outcome: 'success' }, user: { name: 'ops' }, source: { ip: '192.0.2.8' } }],
    ['%ASA-6-611102: User authentication failed: IP address: 192.0.2.8, Uname: ops', { event: { outcome: 'failure' }, user: { name: 'ops' } }],
    ['%ASA-6-716001: Group <VPN> User <alice> IP <203.0.113.20> WebVPN session started.', { event: { action: 'webvpn-session-started', outcome: 'success' }, user: { name: 'alice' }, group: { name: 'VPN' } }],
    [
      '%ASA-6-722051: Group <VPN> User <alice> IP <203.0.113.20> IPv4 Address <10.8.0.12> IPv6 address <::> assigned to session',
      { event: { action: 'vpn-address-assigned' }, source: { ip: '203.0.113.20', nat: { ip: '10.8.0.12' } } },
    ],
    ['%ASA-4-733100: [ Scanning] drop rate-1 exceeded. Current burst rate is 11 per second', { event: { kind: 'alert' }, vendor: { cisco: { threat_object: 'Scanning', message_id: '733100', severity_name: 'warning' } } }],
  ])('reads %s', (line, expected) => {
    expect(parsed(line)).toMatchObject(expected);
  });
});
