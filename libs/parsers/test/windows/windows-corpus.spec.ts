import { SecurityEvent } from '@soc/parsers';
import { CorpusRecord, evtxAttackFiles, evtxAttackRecords, sigmaFiles, sigmaRecords, WAZUH_WINDOWS_FILES, wazuhRecords } from './corpus-records';
import { parseWindows } from './parse-windows';

interface RawFacts {
  eventId: number;
  channel: string;
}

/** Event id and channel read straight from the raw JSON, independently of the parsers. */
function rawFacts(line: string): RawFacts {
  const root = JSON.parse(line);
  const system = root.win?.system ?? root.Event.System;
  const id = system.eventID ?? system.EventID;
  return { eventId: Number(typeof id === 'object' ? id['#text'] : id), channel: system.channel ?? system.Channel };
}

function expectedDataset(channel: string): string {
  if (channel === 'Security') return 'windows.security';
  if (channel === 'Microsoft-Windows-Sysmon/Operational') return 'windows.sysmon';
  return `windows.${channel.toLowerCase()}`;
}

interface Parsed {
  record: CorpusRecord;
  event: SecurityEvent;
}

/** Parses every record; collects `where: reason` for each that fails or comes out wrong. */
function parseAll(records: CorpusRecord[]): { parsed: Parsed[]; problems: string[] } {
  const parsed: Parsed[] = [];
  const problems: string[] = [];
  for (const record of records) {
    const outcome = parseWindows(record.line);
    if (!outcome.ok) {
      problems.push(`${record.where}: ${outcome.reason}`);
      continue;
    }
    const facts = rawFacts(record.line);
    const { event } = outcome;
    if (event.winlog?.event_id !== facts.eventId) problems.push(`${record.where}: event_id ${event.winlog?.event_id} != ${facts.eventId}`);
    if (event.event.code !== String(facts.eventId)) problems.push(`${record.where}: event.code ${event.event.code}`);
    if (event.event.dataset !== expectedDataset(facts.channel)) problems.push(`${record.where}: dataset ${event.event.dataset} for ${facts.channel}`);
    if (event.event.module !== 'windows') problems.push(`${record.where}: module ${event.event.module}`);
    if (event.winlog?.channel !== facts.channel) problems.push(`${record.where}: channel ${event.winlog?.channel}`);
    if (!event.winlog?.computer_name || event.host?.name !== event.winlog.computer_name) problems.push(`${record.where}: host ${event.host?.name}`);
    if (event['@timestamp'] === event.event.ingested) problems.push(`${record.where}: no event time`);
    parsed.push({ record, event });
  }
  return { parsed, problems };
}

const SOURCES: ReadonlyArray<[string, () => CorpusRecord[], number]> = [
  // sysmon.ini also has 3 legacy `WinEvtLog:` syslog lines, which are not JSON and not in this scope.
  ['wazuh-ruleset-tests (eventchannel JSON)', () => WAZUH_WINDOWS_FILES.flatMap(wazuhRecords), 176],
  ['evtx-attack-samples-json (NDJSON)', () => evtxAttackFiles().flatMap(evtxAttackRecords), 301],
  ['sigma-regression-data (evtx_dump JSON)', () => sigmaFiles().flatMap(sigmaRecords), 238],
];

describe.each(SOURCES)('every Windows record of %s', (_name, load, total) => {
  const records = load();
  const { parsed, problems } = parseAll(records);

  it('parses with its event id, channel, dataset, host and event time', () => {
    expect(problems).toEqual([]);
    expect(records).toHaveLength(total);
    expect(parsed).toHaveLength(total);
  });

  it('maps failed logons and Kerberos pre-auth failures as failures', () => {
    const failures = parsed.filter(({ event }) => event.winlog?.channel === 'Security' && [4625, 4771].includes(event.winlog.event_id ?? 0));
    for (const { record, event } of failures) expect([record.where, event.event.outcome, event.event.category]).toEqual([record.where, 'failure', ['authentication']]);
  });

  it('keeps every valid logon source address as source.ip (grep-checked against IpAddress)', () => {
    const logons = parsed.filter(({ event }) => [4624, 4625, 4648, 4771].includes(event.winlog?.event_id ?? 0) && event.winlog?.channel === 'Security');
    for (const { record, event } of logons) {
      const raw = event.winlog?.event_data?.IpAddress;
      const expected = raw === undefined || raw === '-' ? undefined : raw.replace(/^::ffff:/, '');
      expect([record.where, event.source?.ip]).toEqual([record.where, expected]);
    }
  });

  it('gives every Sysmon process creation its image, pid and command line', () => {
    const created = parsed.filter(({ event }) => event.event.dataset === 'windows.sysmon' && event.winlog?.event_id === 1);
    for (const { record, event } of created) {
      expect([record.where, event.event.action, event.process?.executable]).toEqual([record.where, 'process-created', event.winlog?.event_data?.Image]);
      expect(event.process?.pid).toEqual(expect.any(Number));
    }
  });
});
