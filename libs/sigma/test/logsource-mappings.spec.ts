import { SecurityEvent } from '@soc/parsers';
import { CompiledRule } from '@soc/sigma';
import { compileYaml, event, parsed, ruleYaml, sysmonEvent, windowsEvent } from './sigma-test-kit';

/** Rules compile with the real mapping table here (no test mapping). */
const rule = (logsource: Record<string, string>, detection: Record<string, unknown>): CompiledRule => compileYaml(ruleYaml(detection, logsource), {});
const hit = (compiled: CompiledRule, e: SecurityEvent) => compiled.evaluate(e) !== null;

describe('Windows mappings (events from our Windows parser)', () => {
  const processCreation = rule({ product: 'windows', category: 'process_creation' }, { selection: { 'Image|endswith': '\\whoami.exe', 'CommandLine|contains': '/all' }, condition: 'selection' });

  it('reads EventData fields under winlog.event_data by their Windows names', () => {
    expect(hit(processCreation, sysmonEvent(1, { Image: 'C:\\Windows\\System32\\whoami.exe', CommandLine: 'whoami /all' }))).toBe(true);
    expect(hit(processCreation, sysmonEvent(1, { Image: 'C:\\Windows\\System32\\whoami.exe', CommandLine: 'whoami' }))).toBe(false);
  });

  it('scopes a generic category to its Sysmon event id', () => {
    // Same fields, but an image load (Sysmon 7) is not a process creation.
    expect(hit(processCreation, sysmonEvent(7, { Image: 'C:\\Windows\\System32\\whoami.exe', CommandLine: 'whoami /all' }))).toBe(false);
    // Sysmon's event 1 in another channel is another event.
    const other = windowsEvent({ EventID: 1, Channel: 'Application' }, { Image: 'C:\\Windows\\System32\\whoami.exe', CommandLine: 'whoami /all' });
    expect(hit(processCreation, other)).toBe(false);
  });

  it('maps process creation from Security 4688 (NewProcessName is Image)', () => {
    const e = windowsEvent({ EventID: 4688, Channel: 'Security' }, { NewProcessName: 'C:\\Windows\\System32\\whoami.exe', CommandLine: 'whoami /all' });
    expect(hit(processCreation, e)).toBe(true);
  });

  it('maps EventID, Channel, Provider_Name and Computer to winlog and host fields', () => {
    const compiled = rule(
      { product: 'windows', service: 'system' },
      { selection: { EventID: 7045, Provider_Name: 'Service Control Manager', Channel: 'System', Computer: 'DC01', 'ImagePath|contains': 'psexesvc' }, condition: 'selection' },
    );
    const service = (id: number, computer: string) =>
      windowsEvent({ EventID: id, Channel: 'System', Computer: computer, Provider: { '#attributes': { Name: 'Service Control Manager' } } }, { ServiceName: 'PSEXESVC', ImagePath: '%SystemRoot%\\PSEXESVC.exe' });
    expect(hit(compiled, service(7045, 'dc01'))).toBe(true);
    expect(hit(compiled, service(7036, 'dc01'))).toBe(false);
    expect(hit(compiled, service(7045, 'ws02'))).toBe(false);
  });

  it('scopes a Windows service to its channel and reads UserData fields too', () => {
    const cleared = rule({ product: 'windows', service: 'security' }, { selection: { EventID: 1102, SubjectUserName: 'mallory' }, condition: 'selection' });
    const payload = (channel: string) =>
      parsed(
        JSON.stringify({
          Event: {
            System: { EventID: 1102, Channel: channel, Provider: { '#attributes': { Name: 'Microsoft-Windows-Eventlog' } }, TimeCreated: { '#attributes': { SystemTime: '2026-01-01T00:00:00Z' } } },
            UserData: { LogFileCleared: { SubjectUserName: 'mallory', SubjectDomainName: 'CORP' } },
          },
        }),
        'windows-evtx-json',
      );
    expect(hit(cleared, payload('Security'))).toBe(true);
    expect(hit(cleared, payload('System'))).toBe(false);
  });

  it('finds Sigma names in EventData names written with blanks (Defender: Source Name)', () => {
    const defender = rule({ product: 'windows', service: 'windefend' }, { selection: { EventID: 1116, SourceName: 'Real-Time Protection', 'ThreatName|contains': 'EICAR' }, condition: 'selection' });
    const e = (source: string) =>
      windowsEvent({ EventID: 1116, Channel: 'Microsoft-Windows-Windows Defender/Operational' }, { 'Source Name': source, 'Threat Name': 'Virus:DOS/EICAR_Test_File' });
    expect(hit(defender, e('Real-Time Protection'))).toBe(true);
    expect(hit(defender, e('Scheduled Scan'))).toBe(false);
  });

  it('maps PowerShell script blocks (4104) and classic PowerShell Data', () => {
    const script = rule({ product: 'windows', category: 'ps_script' }, { selection: { 'ScriptBlockText|contains': 'Invoke-Mimikatz' }, condition: 'selection' });
    const block = (id: number) => windowsEvent({ EventID: id, Channel: 'Microsoft-Windows-PowerShell/Operational' }, { ScriptBlockText: 'Invoke-Mimikatz -DumpCreds' });
    expect(hit(script, block(4104))).toBe(true);
    expect(hit(script, block(4103))).toBe(false);

    const classic = rule({ product: 'windows', category: 'ps_classic_start' }, { selection: { 'Data|contains': 'HostApplication=powershell -nop' }, condition: 'selection' });
    const start = windowsEvent({ EventID: 400, Channel: 'Windows PowerShell' }, { Data: [{ '#text': 'Available' }, { '#text': 'None' }, { '#text': 'NewEngineState=Available HostApplication=powershell -nop -w hidden' }] });
    expect(hit(classic, start)).toBe(true);
  });

  it('searches Windows keywords in the EventData values', () => {
    const keywords = rule({ product: 'windows', service: 'sysmon' }, { keywords: ['sekurlsa::logonpasswords'], condition: 'keywords' });
    expect(hit(keywords, sysmonEvent(1, { CommandLine: 'mimikatz.exe "sekurlsa::logonpasswords" exit' }))).toBe(true);
    expect(hit(keywords, sysmonEvent(1, { CommandLine: 'notepad.exe' }))).toBe(false);
  });
});

describe('other mappings (events from our parsers)', () => {
  it('Linux sshd: keywords in the message of sshd records only', () => {
    const sshd = rule({ product: 'linux', service: 'sshd' }, { keywords: ['Failed password for invalid user'], condition: 'keywords' });
    const line = 'Nov 30 16:40:01 web01 sshd[1234]: Failed password for invalid user admin from 203.0.113.5 port 52311 ssh2';
    expect(hit(sshd, parsed(line))).toBe(true);
    expect(hit(sshd, parsed(line.replace('sshd[1234]', 'sudo[1234]')))).toBe(false);
    expect(hit(sshd, parsed(line.replace('Failed', 'Accepted')))).toBe(false);
  });

  it('webserver: W3C field names on access-log fields', () => {
    const web = rule(
      { category: 'webserver' },
      { selection: { 'cs-uri-query|contains': 'union select', 'cs-method': 'GET', 'sc-status': 200, 'cs-user-agent|startswith': 'sqlmap', 'c-ip|cidr': '203.0.113.0/24' }, condition: 'selection' },
    );
    const line = (ip: string, status: number) => `${ip} - - [30/Nov/2026:16:40:01 +0700] "GET /item.php?id=1%20union%20select%201 HTTP/1.1" ${status} 512 "-" "sqlmap/1.7.2#stable"`;
    const decoded = (text: string) => text.replace(/%20/g, ' ');
    expect(hit(web, parsed(decoded(line('203.0.113.9', 200))))).toBe(true);
    expect(hit(web, parsed(decoded(line('203.0.113.9', 404))))).toBe(false);
    expect(hit(web, parsed(decoded(line('198.51.100.9', 200))))).toBe(false);
  });

  it('proxy: c-uri, cs-method and sc-status on Squid records', () => {
    const proxy = rule({ category: 'proxy' }, { selection: { 'c-uri|endswith': '.exe', 'cs-method': 'GET', 'sc-status': 200 }, condition: 'selection' });
    const line = (url: string) => `1700000000.123    150 10.0.0.5 TCP_MISS/200 1234 GET ${url} - HIER_DIRECT/203.0.113.4 application/octet-stream`;
    expect(hit(proxy, parsed(line('http://evil.example/payload.exe')))).toBe(true);
    expect(hit(proxy, parsed(line('http://evil.example/payload.txt')))).toBe(false);
  });

  it('firewall: src_ip, dst_port and action on firewall records', () => {
    const firewall = rule({ category: 'firewall' }, { selection: { dst_port: 23, 'src_ip|cidr': '10.0.0.0/8', action: 'deny' }, condition: 'selection' });
    const line = (port: number, action: string) =>
      `date=2026-11-30 time=16:40:01 devname="FG100" devid="FG100E" logid="0000000013" type="traffic" subtype="forward" level="notice" srcip=10.0.0.5 srcport=51000 dstip=203.0.113.7 dstport=${port} proto=6 action="${action}" policyid=1`;
    expect(hit(firewall, parsed(line(23, 'deny')))).toBe(true);
    expect(hit(firewall, parsed(line(22, 'deny')))).toBe(false);
    expect(hit(firewall, parsed(line(23, 'accept')))).toBe(false);
  });

  it('dns: query on any record with a DNS question; zeek: its own field names', () => {
    const record = (query: string) =>
      JSON.stringify({ _path: 'dns', ts: 1700000000.5, uid: 'C1', 'id.orig_h': '10.0.0.5', 'id.orig_p': 5353, 'id.resp_h': '10.0.0.1', 'id.resp_p': 53, proto: 'udp', query, qtype_name: 'A' });
    const dns = rule({ category: 'dns' }, { selection: { 'query|endswith': '.evil.example' }, condition: 'selection' });
    expect(hit(dns, parsed(record('c2.evil.example')))).toBe(true);
    expect(hit(dns, parsed(record('www.example.org')))).toBe(false);

    const zeek = rule({ product: 'zeek', service: 'dns' }, { selection: { qtype_name: 'A', 'id.orig_h': '10.0.0.5', 'query|contains': 'evil' }, condition: 'selection' });
    expect(hit(zeek, parsed(record('c2.evil.example')))).toBe(true);
    expect(hit(zeek, parsed(record('www.example.org')))).toBe(false);
  });

  it('Suricata: EVE names under vendor.suricata, endpoints from ECS', () => {
    const ids = rule({ category: 'ids' }, { selection: { 'alert.signature|contains': 'Evil Beacon', 'alert.severity': 1, 'dest_ip|cidr': '203.0.113.0/24' }, condition: 'selection' });
    const eve = (severity: number) =>
      JSON.stringify({
        timestamp: '2026-11-30T16:40:01.000000+0700',
        flow_id: 1,
        event_type: 'alert',
        src_ip: '10.0.0.5',
        src_port: 1234,
        dest_ip: '203.0.113.7',
        dest_port: 80,
        proto: 'TCP',
        alert: { action: 'allowed', gid: 1, signature_id: 2000001, rev: 1, signature: 'ET MALWARE Evil Beacon', category: 'A Network Trojan was detected', severity },
      });
    expect(hit(ids, parsed(eve(1)))).toBe(true);
    expect(hit(ids, parsed(eve(3)))).toBe(false);
  });

  it('a logsource without a table entry compiles, reads Sigma names, and is scoped to event.module', () => {
    const aws = rule({ product: 'aws', service: 'cloudtrail' }, { selection: { eventName: 'StopLogging' }, condition: 'selection' });
    expect(aws.mapped).toBe(false);
    expect(hit(aws, event({ eventName: 'StopLogging' }))).toBe(false);
    expect(hit(aws, event({ event: { kind: 'event', module: 'aws', ingested: '', original: '' }, eventName: 'StopLogging' }))).toBe(true);
    expect(rule({ product: 'windows', category: 'process_creation' }, { selection: { Image: 'x' }, condition: 'selection' }).mapped).toBe(true);
  });
});
