import { readFileSync } from 'node:fs';
import { SecurityEvent } from '@soc/parsers';
import { corpusPath } from '../../../../test/support/corpus';
import { WINDOWS_LINE_PARSERS } from '../../src/windows';
import { evtxAttackRecords } from './corpus-records';
import { parseWindows, windowsEvent } from './parse-windows';

/**
 * One real event (EVTX-ATTACK-SAMPLES CA_4624_4625_LogonType2_LogonProc_chrome.json line 1, a 4625)
 * rewritten by hand in the other layouts, as Winlogbeat and NXLog ship it: no corpus holds those layouts.
 * Every layout must give the same normalized event.
 */
const EVENT_DATA = {
  SubjectUserSid: 'S-1-5-21-3461203602-4096304019-2269080069-1000',
  SubjectUserName: 'IEUser',
  SubjectDomainName: 'MSEDGEWIN10',
  SubjectLogonId: '0x0000000000079e59',
  TargetUserSid: 'S-1-0-0',
  TargetUserName: 'IEUser',
  TargetDomainName: 'MSEDGEWIN10',
  Status: '0xc000006d',
  FailureReason: '%%2313',
  SubStatus: '0xc000006a',
  LogonType: '2',
  LogonProcessName: 'Chrome',
  AuthenticationPackageName: 'Negotiate',
  WorkstationName: 'MSEDGEWIN10',
  TransmittedServices: '-',
  LmPackageName: '-',
  KeyLength: '0',
  ProcessId: '0x0000000000001358',
  ProcessName: 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  IpAddress: '-',
  IpPort: '-',
};

const WINLOGBEAT = {
  '@timestamp': '2020-09-09T13:18:23.627Z',
  agent: { type: 'winlogbeat', version: '8.11.0' },
  ecs: { version: '8.0.0' },
  event: { code: '4625', kind: 'event', provider: 'Microsoft-Windows-Security-Auditing', action: 'Logon', outcome: 'failure', created: '2020-09-09T13:18:30.112Z' },
  host: { name: 'MSEDGEWIN10' },
  log: { level: 'information' },
  winlog: {
    channel: 'Security',
    computer_name: 'MSEDGEWIN10',
    event_id: '4625',
    provider_name: 'Microsoft-Windows-Security-Auditing',
    provider_guid: '{54849625-5478-4994-a5ba-3e3b0328c30d}',
    record_id: 137222,
    keywords: ['Audit Failure'],
    opcode: 'Info',
    task: 'Logon',
    process: { pid: 640, thread: { id: 684 } },
    event_data: EVENT_DATA,
  },
};

const NXLOG = {
  EventTime: '2020-09-09 20:18:23',
  Hostname: 'MSEDGEWIN10',
  Keywords: -9218868437227405312,
  EventType: 'AUDIT_FAILURE',
  SeverityValue: 4,
  Severity: 'ERROR',
  EventID: 4625,
  SourceName: 'Microsoft-Windows-Security-Auditing',
  ProviderGuid: '{54849625-5478-4994-A5BA-3E3B0328C30D}',
  Version: 0,
  Task: 12544,
  OpcodeValue: 0,
  RecordNumber: 137222,
  ProcessID: 640,
  ThreadID: 684,
  Channel: 'Security',
  Category: 'Logon',
  Opcode: 'Info',
  ...EVENT_DATA,
  EventReceivedTime: '2020-09-09 20:18:24',
  SourceModuleName: 'eventlog',
  SourceModuleType: 'im_msvistalog',
};

const TOP_LEVEL = {
  EventID: 4625,
  Provider: 'Microsoft-Windows-Security-Auditing',
  TimeCreated: '2020-09-09T13:18:23.627951Z',
  Computer: 'MSEDGEWIN10',
  Channel: 'Security',
  EventRecordID: 137222,
  Keywords: '0x8010000000000000',
  EventData: EVENT_DATA,
};

const DATA_ELEMENTS = {
  Event: {
    System: {
      Provider: { '@Name': 'Microsoft-Windows-Security-Auditing' },
      EventID: { '@Qualifiers': '', '#text': '4625' },
      TimeCreated: { '@SystemTime': '2020-09-09T13:18:23.6279510Z' },
      EventRecordID: '137222',
      Channel: 'Security',
      Computer: 'MSEDGEWIN10',
      Keywords: '0x8010000000000000',
    },
    EventData: { Data: Object.entries(EVENT_DATA).map(([name, value]) => ({ '@Name': name, '#text': value })) },
  },
};

/** The fields every layout must agree on. */
function normalized(event: SecurityEvent): Record<string, unknown> {
  return {
    timestamp: event['@timestamp'],
    event: { ...event.event, original: undefined, ingested: undefined },
    user: event.user,
    source: event.source,
    process: event.process,
    host: event.host,
    winlog: event.winlog,
    logon: event.vendor?.windows?.logon,
  };
}

describe('the same 4625 in every layout', () => {
  const reference = normalized(windowsEvent(evtxAttackRecords('CA_4624_4625_LogonType2_LogonProc_chrome.json')[0]?.line ?? ''));

  it.each([
    ['Winlogbeat (event_id as a string)', WINLOGBEAT, '2020-09-09T13:18:23.627Z'],
    // NXLog's EventTime has whole seconds, in the agent's zone (here the source's, UTC+7).
    ['NXLog flat JSON (local EventTime, signed Keywords)', NXLOG, '2020-09-09T13:18:23.000Z'],
    ['top-level EventID/EventData', TOP_LEVEL, '2020-09-09T13:18:23.627Z'],
    ['EventData as named Data elements', DATA_ELEMENTS, '2020-09-09T13:18:23.627Z'],
  ])('%s', (_name, record, timestamp) => {
    expect(normalized(windowsEvent(JSON.stringify(record)))).toEqual({ ...reference, timestamp });
  });

  it('is read from the reference as hand-checked', () => {
    expect(reference).toMatchObject({ timestamp: '2020-09-09T13:18:23.627Z', winlog: { event_id: 4625, record_id: 137222 }, event: { action: 'logon-failed', outcome: 'failure' } });
  });
});

describe('Winlogbeat layout', () => {
  it('reads UserData (1102) and keeps the shipper host', () => {
    const event = windowsEvent(
      JSON.stringify({
        '@timestamp': '2019-03-19T23:35:07.524Z',
        host: { name: 'collector01' },
        winlog: {
          event_id: 1102,
          channel: 'Security',
          provider_name: 'Microsoft-Windows-Eventlog',
          computer_name: 'PC01.example.corp',
          record_id: '452811',
          user_data: { xml_name: 'LogFileCleared', SubjectUserSid: 'S-1-5-21-1', SubjectUserName: 'user01', SubjectDomainName: 'EXAMPLE', SubjectLogonId: '0x17dad' },
        },
      }),
    );
    expect(event.event).toMatchObject({ dataset: 'windows.security', code: '1102', action: 'audit-log-cleared' });
    expect(event.user).toEqual({ name: 'user01', domain: 'EXAMPLE', id: 'S-1-5-21-1' });
    expect(event.host).toEqual({ name: 'collector01' });
    expect(event.winlog).toMatchObject({ computer_name: 'PC01.example.corp', record_id: 452811, event_data: {} });
    expect(event.vendor?.windows?.user_data).toEqual({ xml_name: 'LogFileCleared', SubjectUserSid: 'S-1-5-21-1', SubjectUserName: 'user01', SubjectDomainName: 'EXAMPLE', SubjectLogonId: '0x17dad' });
  });
});

describe('raw layout details', () => {
  it('names unnamed Data elements param1… as Winlogbeat does', () => {
    const event = windowsEvent(JSON.stringify({ Event: { System: { EventID: 7036, Channel: 'System', Computer: 'h' }, EventData: { Data: ['Windows Update', 'running'] } } }));
    expect(event.winlog?.event_data).toEqual({ param1: 'Windows Update', param2: 'running' });
    expect(event.event).toMatchObject({ dataset: 'windows.system', code: '7036' });
    expect(event['@timestamp']).toBe('2026-11-30T09:00:00.000Z');
  });

  it('keeps a valid loopback address and drops an invalid one', () => {
    const base = { EventID: 4624, Channel: 'Security', EventData: { TargetUserName: 'bob', IpPort: '5000' } };
    expect(windowsEvent(JSON.stringify({ ...base, EventData: { ...base.EventData, IpAddress: '::1' } })).source).toEqual({ ip: '::1', port: 5000 });
    expect(windowsEvent(JSON.stringify({ ...base, EventData: { ...base.EventData, IpAddress: '10.0.0.300' } })).source).toBeUndefined();
  });
});

describe('detection and failures', () => {
  it.each([
    ['{"winlog":{"event_id":', 'winlogbeat: not a JSON object'],
    ['{"winlog":{"channel":"Security"}}', 'winlogbeat: no numeric winlog.event_id'],
    ['{"win":{"eventdata":{}}}', 'windows-wazuh: no win.system with a numeric eventID'],
    ['{"Event":{"System":{"EventID":"abc"}}}', 'windows-evtx-json: no numeric EventID'],
    ['{"EventID":99999,"EventData":{}}', 'windows-evtx-json: no numeric EventID'],
  ])('rejects %s with a reason', (payload, reason) => {
    expect(parseWindows(payload)).toEqual({ ok: false, reason });
  });

  it('leaves other JSON and syslog to other formats', () => {
    const others = [
      ...readFileSync(corpusPath('elastic-integrations', 'suricata', 'test-eve-small.log'), 'utf8').split('\n'),
      ...readFileSync(corpusPath('loghub', 'OpenSSH_2k.log'), 'utf8').split('\n').slice(0, 200),
      '{"EventID":"52b06812ec3500ed864c461e","vendor":"CyberArk"}',
      '{"windows":{"version":"10"}}',
    ].filter((line) => line.length > 0);
    for (const line of others) expect([line, WINDOWS_LINE_PARSERS.filter((p) => p.matches(line)).map((p) => p.format)]).toEqual([line, []]);
  });

  it('never throws on truncated or corrupted Windows records', () => {
    const samples = [JSON.stringify(WINLOGBEAT), JSON.stringify(NXLOG), JSON.stringify(DATA_ELEMENTS), evtxAttackRecords('DE_1102_security_log_cleared.json')[0]?.line ?? ''];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const sample of samples) {
      for (let i = 0; i < 500; i++) {
        const cut = sample.slice(0, Math.floor(random() * sample.length));
        const at = Math.floor(random() * sample.length);
        const corrupted = sample.slice(0, at) + String.fromCharCode(Math.floor(random() * 128)) + sample.slice(at + 1);
        for (const payload of [cut, corrupted]) {
          const outcome = parseWindows(payload);
          expect(typeof outcome.ok).toBe('boolean');
          if (!outcome.ok) expect(outcome.reason.length).toBeGreaterThan(0);
        }
      }
    }
  });
});
