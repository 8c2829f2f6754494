import { SecurityEvent } from '@soc/parsers';
import { wazuhRecords } from './corpus-records';
import { windowsEvent } from './parse-windows';

/** The `log N pass = {…}` record on line `line` of a Wazuh ruleset test file, parsed. */
function wazuh(file: string, line: number): SecurityEvent {
  const record = wazuhRecords(file).find((r) => r.where === `${file}:${line}`);
  if (!record) throw new Error(`${file}:${line} is not a Windows record`);
  return windowsEvent(record.line);
}

describe('Wazuh eventchannel layout (wazuh ruleset tests, values hand-checked against the raw lines)', () => {
  it('4624: camelCase EventData back to Windows names, source address and logon type', () => {
    const event = wazuh('win_event_channel.ini', 8);
    expect(event['@timestamp']).toBe('2021-05-07T21:36:19.887Z');
    expect(event.event).toMatchObject({ module: 'windows', dataset: 'windows.security', code: '4624', action: 'logged-in', category: ['authentication'], outcome: 'success' });
    expect(event.user).toEqual({ name: 'Administrator', domain: 'EXCHANGETEST.COM', id: 'S-1-5-21-887924094-598891991-956377308-500' });
    expect(event.source).toEqual({ ip: '192.168.0.121', port: 49791 });
    expect(event.winlog).toMatchObject({ event_id: 4624, channel: 'Security', provider_name: 'Microsoft-Windows-Security-Auditing', computer_name: 'bankdc.ExchangeTest.com', record_id: 1718492 });
    expect(event.winlog?.event_data).toMatchObject({ TargetUserName: 'Administrator', IpAddress: '192.168.0.121', LogonType: '3', ElevatedToken: '%%1842' });
    expect(event.vendor?.windows?.logon).toEqual({ type: 'Network', id: '0x4cdcc9' });
    expect(event.message).toMatch(/^An account was successfully logged on\.\r\n/);
  });

  it('4625: numeric eventID and numeric EventData values become text', () => {
    const event = wazuh('malicious-ioc.ini', 104);
    expect(event['@timestamp']).toBe('2025-05-13T08:23:15.123Z');
    expect(event.event).toMatchObject({ dataset: 'windows.security', code: '4625', action: 'logon-failed', outcome: 'failure' });
    expect(event.user).toEqual({ name: 'administrator', domain: 'CONTOSO', id: 'S-1-0-0' });
    expect(event.source).toEqual({ ip: '218.92.0.222', port: 58921, domain: 'REMOTEWORKSTATION' });
    expect(event.winlog?.event_data).toMatchObject({ LogonType: '3', KeyLength: '0', Status: '0xC000006D', SubStatus: '0xC0000064' });
    expect(event.winlog?.record_id).toBe(8745632);
    expect(event.log).toEqual({ level: 'information' });
  });

  it('4728: member added to a global group', () => {
    const event = wazuh('win_security.ini', 20);
    expect(event.event).toMatchObject({ code: '4728', action: 'added-member-to-group', category: ['iam'], type: ['group', 'change'] });
    expect(event.group).toEqual({ name: 'None', id: 'S-1-5-21-184966080-802066075-2268707989-513' });
    expect(event.user).toEqual({ name: 'itadmin', domain: 'XRISBARNEY', id: 'S-1-5-21-3002370232-1004552484-2337450515-1103' });
    expect(event.vendor?.windows?.user).toEqual({ target: { id: 'S-1-5-21-184966080-802066075-2268707989-1002' } });
  });

  it('1102: the LogFileCleared element beside `system` is the UserData', () => {
    const event = wazuh('windows_baseline_intrusion_detection.ini', 104);
    expect(event['@timestamp']).toBe('2022-08-16T20:21:22.659Z');
    expect(event.event).toMatchObject({ dataset: 'windows.security', code: '1102', provider: 'Microsoft-Windows-Eventlog', action: 'audit-log-cleared' });
    expect(event.user).toEqual({ name: 'AtomicRed', domain: 'EXCHANGETEST', id: 'S-1-5-21-887924094-598891991-956377308-1146' });
    expect(event.vendor?.windows?.user_data).toMatchObject({ xml_name: 'LogFileCleared', SubjectLogonId: '0x98d819' });
  });

  it('7045: service installed; the doubled backslashes of Wazuh EventData are undone', () => {
    const event = wazuh('win_event_channel.ini', 2);
    expect(event.event).toMatchObject({ dataset: 'windows.system', code: '7045', provider: 'Service Control Manager', action: 'service-installed' });
    expect(event.vendor?.windows?.service).toEqual({ name: 'uxoN', file_name: '%systemroot%\\TQkHeboM.exe', type: 'user mode service', start_type: 'demand start', account_name: 'LocalSystem' });
    expect(event.winlog?.event_data?.ImagePath).toBe('%systemroot%\\TQkHeboM.exe');
  });

  it('4698: scheduled task created', () => {
    const event = wazuh('win_security.ini', 32);
    expect(event.event).toMatchObject({ code: '4698', action: 'scheduled-task-created' });
    expect(event.user).toEqual({ name: 'Administrator', domain: 'XRISBARNEY', id: 'S-1-5-21-3002370232-1004552484-2337450515-500' });
    expect(event.vendor?.windows?.scheduled_task).toEqual({ name: '\\sdfg' });
  });

  it('Sysmon 1: process creation from eventdata (not the rendered message)', () => {
    const event = wazuh('sysmon_eid_1.ini', 2);
    expect(event['@timestamp']).toBe('2021-04-28T20:11:55.364Z');
    expect(event.event).toMatchObject({ dataset: 'windows.sysmon', code: '1', action: 'process-created' });
    expect(event.process).toEqual({
      executable: 'C:\\Windows\\System32\\wscript.exe',
      name: 'wscript.exe',
      pid: 648,
      command_line: '"C:\\Windows\\System32\\notepad.exe"',
      parent: { executable: 'C:\\Windows\\System32\\cscript.exe', name: 'cscript.exe', pid: 6876, command_line: '"C:\\Windows\\system32\\cscript.exe" .\\drop-payloads.vbe' },
    });
    expect(event.user).toEqual({ name: 'AtomicRedTeamTest', domain: 'DESKTOP-2QKFOBA' });
    expect(event.file?.hash).toEqual({
      sha1: '545ec11dee642de633eb2c6f6ffc90cce4decf8d',
      md5: '0639b0a6f69b3265c1e42227d650b7d1',
      sha256: 'ce9f70e104c07d92fc05fbd6000839fd6a87ff010e706396f87dd679244ed97b',
    });
    expect(event.winlog?.event_data?.OriginalFileName).toBe('notepàd.exe');
  });

  it('Sysmon 3: network connection', () => {
    const event = wazuh('sysmon_eid_3.ini', 2);
    expect(event.source).toEqual({ ip: '192.168.0.121', port: 50152 });
    expect(event.destination).toEqual({ ip: '192.168.0.4', port: 8080 });
    expect(event.network).toEqual({ transport: 'tcp', direction: 'egress', type: 'ipv4' });
    expect(event.process).toMatchObject({ executable: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', pid: 5888 });
  });

  it('4104: PowerShell script block text kept, unescaped', () => {
    const event = wazuh('powershell.ini', 26);
    expect(event.event).toMatchObject({ dataset: 'windows.microsoft-windows-powershell/operational', code: '4104', action: 'execute-script-block' });
    const text = 'Expand-Archive -LiteralPath "$env:USERPROFILE\\Downloads\\SysinternalsSuite.zip" -DestinationPath "$env:USERPROFILE\\Downloads\\SysinternalsSuite\\"';
    expect(event.winlog?.event_data?.ScriptBlockText).toBe(text);
    expect(event.vendor?.windows?.powershell).toEqual({ file: { script_block_id: '6f67fff0-7f00-4b9e-8de7-a7749cf7c4f5' }, sequence: 1, total: 1 });
  });

  it('reads the same record inside a Wazuh alert (`data.win`)', () => {
    const record = wazuhRecords('malicious-ioc.ini').find((r) => r.where === 'malicious-ioc.ini:104');
    const alert = JSON.stringify({ timestamp: '2025-05-13T08:23:16.000+0000', rule: { id: '60122', level: 5 }, agent: { id: '001', name: 'WINSERVER2022' }, data: JSON.parse(record?.line ?? '{}') });
    const event = windowsEvent(alert);
    expect(event.event).toMatchObject({ code: '4625', action: 'logon-failed', outcome: 'failure' });
    expect(event.source).toEqual({ ip: '218.92.0.222', port: 58921, domain: 'REMOTEWORKSTATION' });
  });
});
