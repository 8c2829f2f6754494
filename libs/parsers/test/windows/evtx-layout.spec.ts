import { SecurityEvent } from '@soc/parsers';
import { evtxAttackRecords, sigmaRecords } from './corpus-records';
import { windowsEvent } from './parse-windows';

/** Line `n` (1-based) of an EVTX-ATTACK-SAMPLES NDJSON file, parsed. */
function evtxAttack(file: string, n: number): SecurityEvent {
  const record = evtxAttackRecords(file)[n - 1];
  if (!record) throw new Error(`${file}:${n} missing`);
  return windowsEvent(record.line);
}

function sigma(file: string, n = 1): SecurityEvent {
  const record = sigmaRecords(file)[n - 1];
  if (!record) throw new Error(`${file}#${n} missing`);
  return windowsEvent(record.line);
}

const SECURITY = { module: 'windows', dataset: 'windows.security', provider: 'Microsoft-Windows-Security-Auditing' };

describe('evtx_dump layout (EVTX-ATTACK-SAMPLES, values hand-checked against the raw lines)', () => {
  it('4624: network logon with source address, port and workstation', () => {
    const event = evtxAttack('DE_RDP_Tunneling_4624.json', 17);
    expect(event['@timestamp']).toBe('2019-02-13T15:31:19.529Z');
    expect(event.event).toMatchObject({ ...SECURITY, code: '4624', action: 'logged-in', category: ['authentication'], type: ['start'], outcome: 'success' });
    expect(event.user).toEqual({ name: 'ANONYMOUS LOGON', domain: 'NT AUTHORITY', id: 'S-1-5-7' });
    expect(event.source).toEqual({ ip: '10.0.2.17', port: 49168, domain: 'PC01' });
    expect(event.process).toBeUndefined();
    expect(event.host).toEqual({ name: 'PC02.example.corp' });
    expect(event.winlog).toMatchObject({ event_id: 4624, channel: 'Security', provider_name: 'Microsoft-Windows-Security-Auditing', computer_name: 'PC02.example.corp', record_id: 5322 });
    expect(event.winlog?.event_data).toMatchObject({ LogonType: '3', AuthenticationPackageName: 'NTLM', LmPackageName: 'NTLM V1', IpAddress: '10.0.2.17' });
    expect(event.vendor?.windows?.logon).toEqual({ type: 'Network', id: '0x0000000000073d02' });
  });

  it('4625: failed interactive logon keeps Status/SubStatus, drops the "-" address', () => {
    const event = evtxAttack('CA_4624_4625_LogonType2_LogonProc_chrome.json', 1);
    expect(event['@timestamp']).toBe('2020-09-09T13:18:23.627Z');
    expect(event.event).toMatchObject({ ...SECURITY, code: '4625', action: 'logon-failed', category: ['authentication'], type: ['start'], outcome: 'failure' });
    expect(event.user).toEqual({ name: 'IEUser', domain: 'MSEDGEWIN10', id: 'S-1-0-0' });
    expect(event.source).toEqual({ domain: 'MSEDGEWIN10' });
    expect(event.process).toEqual({ executable: 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe', name: 'chrome.exe', pid: 0x1358 });
    expect(event.winlog?.event_data).toMatchObject({ Status: '0xc000006d', SubStatus: '0xc000006a', IpAddress: '-' });
    expect(event.vendor?.windows?.logon).toEqual({ type: 'Interactive', failure: { status: '0xc000006d', sub_status: '0xc000006a', reason: '%%2313' } });
  });

  it('4720: user account created; the actor is user.*, the new account vendor.windows.user.target', () => {
    const event = evtxAttack('DE_Fake_ComputerAccount_4720.json', 1);
    expect(event.event).toMatchObject({ ...SECURITY, code: '4720', action: 'added-user-account', category: ['iam'], type: ['user', 'creation'] });
    expect(event.user).toEqual({ name: '01566S-WIN16-IR$', domain: '3B', id: 'S-1-5-18' });
    expect(event.vendor?.windows?.user).toEqual({ target: { name: '$', domain: '3B', id: 'S-1-5-21-308926384-506822093-3341789130-107103' } });
    expect(event.winlog?.event_data?.UserAccountControl).toBe('\n\t\t%%2080\n\t\t%%2082\n\t\t%%2084');
    expect(event.winlog?.record_id).toBe(769629);
  });

  it('4732: member added to the local Administrators group', () => {
    const event = evtxAttack('Network_Service_Guest_added_to_admins_4732.json', 1);
    expect(event['@timestamp']).toBe('2019-09-22T11:22:05.201Z');
    expect(event.event).toMatchObject({ ...SECURITY, code: '4732', action: 'added-member-to-group', category: ['iam'], type: ['group', 'change'] });
    expect(event.group).toEqual({ name: 'Administrators', id: 'S-1-5-32-544' });
    expect(event.user).toEqual({ name: 'IEUser', domain: 'MSEDGEWIN10', id: 'S-1-5-21-3461203602-4096304019-2269080069-1000' });
    expect(event.vendor?.windows?.user).toEqual({ target: { id: 'S-1-5-21-3461203602-4096304019-2269080069-501' } });
  });

  it('1102: audit log cleared, actor read from UserData', () => {
    const event = evtxAttack('DE_1102_security_log_cleared.json', 1);
    expect(event['@timestamp']).toBe('2019-03-19T23:35:07.524Z');
    expect(event.event).toMatchObject({ dataset: 'windows.security', code: '1102', provider: 'Microsoft-Windows-Eventlog', action: 'audit-log-cleared', category: ['iam'], type: ['admin', 'change'] });
    expect(event.user).toEqual({ name: 'user01', domain: 'EXAMPLE', id: 'S-1-5-21-1587066498-1489273250-1035260531-1106' });
    expect(event.winlog?.event_data).toEqual({});
    expect(event.vendor?.windows?.user_data).toMatchObject({ xml_name: 'LogFileCleared', SubjectUserName: 'user01', SubjectLogonId: '0x0000000000017dad' });
  });

  it('7045: service installed, System channel', () => {
    const event = evtxAttack('LM_Remote_Service02_7045.json', 1);
    expect(event['@timestamp']).toBe('2019-03-03T09:20:28.621Z');
    expect(event.event).toMatchObject({ module: 'windows', dataset: 'windows.system', code: '7045', provider: 'Service Control Manager', action: 'service-installed' });
    expect(event.vendor?.windows?.service).toEqual({ name: 'spoolfool', file_name: 'cmd.exe', type: 'user mode service', start_type: 'auto start', account_name: 'LocalSystem' });
    expect(event.host).toEqual({ name: 'WIN-77LTAPHIQ1R.example.corp' });
    expect(event.log).toEqual({ level: 'information' });
  });

  it('4698: scheduled task created, task XML kept in event_data', () => {
    const event = evtxAttack('temp_scheduled_task_4698_4699.json', 1);
    expect(event.event).toMatchObject({ ...SECURITY, code: '4698', action: 'scheduled-task-created' });
    expect(event.user).toEqual({ name: 'Administrator', domain: 'EXAMPLE', id: 'S-1-5-21-1587066498-1489273250-1035260531-500' });
    expect(event.vendor?.windows?.scheduled_task).toEqual({ name: '\\CYAlyNSS' });
    expect(event.winlog?.event_data?.TaskContent).toContain('<Command>cmd.exe</Command>');
  });

  it('4771: Kerberos pre-authentication failed', () => {
    const event = evtxAttack('kerberos_pwd_spray_4771.json', 9);
    expect(event['@timestamp']).toBe('2020-07-22T20:29:36.425Z');
    expect(event.event).toMatchObject({ ...SECURITY, code: '4771', action: 'kerberos-preauth-failed', category: ['authentication'], outcome: 'failure' });
    expect(event.user).toEqual({ name: 'Administrator', id: 'S-1-5-21-308926384-506822093-3341789130-500' });
    expect(event.source).toEqual({ ip: '172.16.66.1', port: 55967 });
    expect(event.winlog?.event_data).toMatchObject({ Status: '0x00000018', PreAuthType: '2' });
    expect(event.winlog?.event_data).not.toHaveProperty('CertIssuerName');
  });

  it('4768: an IPv4-mapped address loses its ::ffff: prefix; status 0x0 is a success', () => {
    const event = evtxAttack('kerberos_pwd_spray_4771.json', 12);
    expect(event.source).toEqual({ ip: '172.16.66.1', port: 52559 });
    expect(event.event).toMatchObject({ action: 'kerberos-authentication-ticket-requested', outcome: 'success' });
  });

  it('4688: process creation; the creator is the parent, the subject the user', () => {
    const event = evtxAttack('LM_WMI_4624_4688_TargetHost.json', 5);
    expect(event['@timestamp']).toBe('2019-03-18T22:15:49.645Z');
    expect(event.event).toMatchObject({ ...SECURITY, code: '4688', action: 'created-process', category: ['process'], type: ['start'] });
    expect(event.process).toEqual({ executable: 'C:\\Windows\\System32\\wbem\\WmiPrvSE.exe', name: 'WmiPrvSE.exe', pid: 0xae8, parent: { pid: 0x248 } });
    expect(event.user).toEqual({ name: 'WIN-77LTAPHIQ1R$', domain: 'EXAMPLE', id: 'S-1-5-18' });
    expect(event.winlog?.event_data).not.toHaveProperty('CommandLine');
  });

  it('Sysmon 1: process creation with parent, user and hashes', () => {
    const event = evtxAttack('DE_sysmon-3-rdp-tun.json', 3);
    expect(event['@timestamp']).toBe('2019-02-16T10:02:21.934Z');
    expect(event.event).toMatchObject({ module: 'windows', dataset: 'windows.sysmon', code: '1', provider: 'Microsoft-Windows-Sysmon', action: 'process-created', category: ['process'], type: ['start'] });
    expect(event.process).toEqual({
      executable: 'C:\\Users\\IEUser\\Desktop\\plink.exe',
      name: 'plink.exe',
      pid: 2312,
      command_line: 'plink.exe  10.0.2.18 -P 80 -C -R 127.0.0.3:4444:127.0.0.2:3389 -l test -pw test',
      parent: { executable: 'C:\\Windows\\System32\\cmd.exe', name: 'cmd.exe', pid: 3904, command_line: '"C:\\Windows\\system32\\cmd.exe" ' },
    });
    expect(event.user).toEqual({ name: 'IEUser', domain: 'PC01' });
    expect(event.file).toEqual({ path: 'C:\\Users\\IEUser\\Desktop\\plink.exe', name: 'plink.exe', hash: { sha1: '7806ad24f669cd8bb9ebe16f87e90173047f8ee4' } });
    expect(event.winlog?.record_id).toBe(1940899);
  });

  it('Sysmon 3: network connection', () => {
    const event = evtxAttack('DE_sysmon-3-rdp-tun.json', 1);
    expect(event.event).toMatchObject({ dataset: 'windows.sysmon', code: '3', action: 'network-connection', category: ['network'] });
    expect(event.source).toEqual({ ip: '239.255.255.250', port: 1900 });
    expect(event.destination).toEqual({ ip: '10.0.2.16', port: 57182 });
    expect(event.network).toEqual({ transport: 'udp', direction: 'ingress', type: 'ipv4' });
    expect(event.process).toEqual({ executable: 'C:\\Windows\\System32\\svchost.exe', name: 'svchost.exe', pid: 1608 });
    expect(event.user).toEqual({ name: 'LOCAL SERVICE', domain: 'NT AUTHORITY' });
  });

  it('an unknown provider (MSSQL 18456, Application) keeps the generic fields', () => {
    const event = evtxAttack('MSSQL_multiple_failed_logon_EventID_18456.json', 1);
    expect(event.event).toMatchObject({ module: 'windows', dataset: 'windows.application', code: '18456', provider: 'MSSQLSERVER' });
    expect(event.event.action).toBeUndefined();
    expect(event.winlog?.event_data?.Data).toContain('[CLIENT: 10.0.2.17]');
  });
});

describe('evtx_dump layout with numeric values (Sigma regression data)', () => {
  it('Sysmon 1: numeric EventID and ProcessId, ISO SystemTime, IMPHASH left out of file.hash', () => {
    const event = sigma('rules/windows/process_creation/proc_creation_win_bitsadmin_download/d059842b-6b9d-4ed1-b5c3-5b89143c6ede.json');
    expect(event['@timestamp']).toBe('2025-12-10T04:33:20.562Z');
    expect(event.winlog).toMatchObject({ event_id: 1, record_id: 18463, computer_name: 'swachchhanda' });
    expect(event.process).toEqual({
      executable: 'C:\\Windows\\System32\\bitsadmin.exe',
      name: 'bitsadmin.exe',
      pid: 7732,
      command_line: 'bitsadmin  /transfer n https://www.atomicredteam.io/atomic-red-team/atomics/T1218.011 hello.html',
      parent: { pid: 14736 },
    });
    expect(event.user).toEqual({ name: 'xodih', domain: 'swachchhanda' });
    expect(event.file?.hash).toEqual({ md5: '4fcfe1d61e6d962f06ce2b61fc11bc0f', sha256: '6feb16602a2fd1158c6f7e56e3b05a5e9ac01e88089535978c890ec6954a5afa' });
    expect(event.winlog?.event_data).toMatchObject({ ProcessId: '7732', TerminalSessionId: '1' });
  });

  it('4648: explicit credentials, the target account as user.effective', () => {
    const event = sigma('rules/windows/builtin/security/win_security_explicit_credential_local_logon/e3c6d245-7b8f-4e2a-c17f-a9d0e5b38f62.json');
    expect(event.event).toMatchObject({ ...SECURITY, code: '4648', action: 'logged-in-explicit', category: ['authentication'] });
    expect(event.user).toEqual({ name: 'xodih', domain: 'SWACHCHHANDA', id: 'S-1-5-21-2555720767-1205513275-3893774561-1001', effective: { name: 'testuser' } });
    expect(event.process).toEqual({ executable: 'C:\\Users\\xodih\\OneDrive\\Desktop\\LegacyHive.exe', name: 'LegacyHive.exe', pid: 0x378 });
    expect(event.source).toBeUndefined();
  });

  it('4701: scheduled task disabled', () => {
    const event = sigma('rules/windows/builtin/security/win_security_susp_scheduled_task_delete_or_disable/7595ba94-cf3b-4471-aa03-4f6baa9e5fad.json');
    expect(event.event).toMatchObject({ code: '4701', action: 'scheduled-task-disabled' });
    expect(event.vendor?.windows?.scheduled_task).toEqual({ name: '\\Microsoft\\Windows\\SystemRestore\\SR' });
  });
});
