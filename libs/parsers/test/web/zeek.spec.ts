import { datasets, parse, parsed, wazuhLines } from '../parser-test-kit';

const owlh = wazuhLines('owlh.ini');
const byEngine = (engine: string): string => owlh.find((l) => l.includes(`"bro_engine":"${engine}"`))!;

describe('Zeek JSON logs', () => {
  it('reads conn (OwlH): endpoints, transport, duration, byte and packet counts', () => {
    const line = byEngine('CONN');
    const event = parsed(line);
    expect(event['@timestamp']).toBe('2019-11-14T16:01:25.572Z');
    expect(event.event).toMatchObject({ kind: 'event', category: ['network'], type: ['connection'], dataset: 'zeek.conn', module: 'zeek', duration: 1794416904, original: line });
    expect(event.observer).toEqual({ product: 'Zeek', type: 'ids' });
    expect(event.source).toEqual({ ip: '10.0.2.2', port: 45338, bytes: 456, packets: 28 });
    expect(event.destination).toEqual({ ip: '10.0.2.15', port: 22, bytes: 0, packets: 0 });
    expect(event.network).toEqual({ transport: 'tcp', bytes: 456, packets: 28 });
    expect(event.vendor?.zeek).toMatchObject({ uid: 'CGosDF2j8tJOWH3lCa', conn_state: 'SH', history: 'DcAcF' });
  });

  it('reads dns, ssh and ssl (OwlH)', () => {
    const dns = parsed(byEngine('DNS'));
    expect(dns.event.dataset).toBe('zeek.dns');
    expect(dns.dns).toEqual({ question: { name: 'archive.ubuntu.com' }, response_code: 'NOERROR' });
    expect(dns.network).toEqual({ transport: 'udp', protocol: 'dns' });

    const ssh = parsed(byEngine('SSH'));
    expect(ssh.event.dataset).toBe('zeek.ssh');
    expect(ssh.source).toEqual({ ip: '10.0.2.2', port: 45398 });

    const ssl = parsed(byEngine('SSL'));
    expect(ssl.event.dataset).toBe('zeek.ssl');
    expect(ssl.tls).toBeUndefined();
    expect(ssl.destination).toEqual({ ip: '10.0.0.5', port: 443 });
  });

  it('reads http and ssl columns, with `_path` and an ISO ts', () => {
    const http = parsed(
      '{"_path":"http","ts":"2026-11-30T09:40:01.250Z","uid":"C1","id.orig_h":"192.0.2.10","id.orig_p":51000,"id.resp_h":"198.51.100.20","id.resp_p":80,"method":"GET","host":"example.org","uri":"/a?b=1","referrer":"-","version":"1.1","user_agent":"curl/8.0","request_body_len":0,"response_body_len":612,"status_code":404}',
    );
    expect(http['@timestamp']).toBe('2026-11-30T09:40:01.250Z');
    expect(http.event).toMatchObject({ dataset: 'zeek.http', category: ['network', 'web'], type: ['access', 'protocol'], outcome: 'failure' });
    expect(http.url).toEqual({ original: '/a?b=1', path: '/a', query: 'b=1', domain: 'example.org' });
    expect(http.http).toEqual({ request: { method: 'GET', referrer: '-', bytes: 0 }, response: { status_code: 404, bytes: 612 }, version: '1.1' });
    expect(http.user_agent).toEqual({ original: 'curl/8.0' });

    const ssl = parsed('{"ts":1700000000.5,"uid":"C2","id.orig_h":"192.0.2.10","id.orig_p":51001,"id.resp_h":"198.51.100.20","id.resp_p":443,"version":"TLSv13","server_name":"example.org","established":true}');
    expect(ssl.event.dataset).toBe('zeek.ssl');
    expect(ssl.tls).toEqual({ version: '1.3', client: { server_name: 'example.org' } });
    expect(ssl['@timestamp']).toBe('2023-11-14T22:13:20.500Z');
  });

  it('makes a notice an alert', () => {
    const event = parsed('{"_path":"notice","ts":1700000000,"note":"Scan::Port_Scan","msg":"192.0.2.9 scanned at least 15 unique ports","src":"192.0.2.9","dst":"198.51.100.1","p":22}');
    expect(event.event).toMatchObject({ kind: 'alert', category: ['intrusion_detection'], action: 'Scan::Port_Scan', dataset: 'zeek.notice' });
    expect(event.rule).toEqual({ name: 'Scan::Port_Scan' });
    expect(event.message).toBe('192.0.2.9 scanned at least 15 unique ports');
    expect(event.source).toEqual({ ip: '192.0.2.9' });
    expect(event.destination).toEqual({ ip: '198.51.100.1', port: 22 });
  });

  it('rejects a record without a usable ts', () => {
    expect(parse('{"uid":"C3","id.orig_h":"192.0.2.1","ts":"soon"}')).toEqual({ ok: false, reason: 'zeek: invalid ts "soon"' });
  });

  it('parses every line of wazuh owlh.ini', () => {
    expect(datasets(owlh)).toEqual(new Map([['zeek.ssh', 1], ['zeek.ssl', 1], ['zeek.dns', 1], ['zeek.conn', 1]]));
  });
});
