import { EventFields } from '../format-parser';
import { copyMembers } from '../plain-object';
import { ACCOUNT_EVENTS } from './account-events';
import { POWERSHELL_EVENTS, SECURITY_CHANGE_EVENTS, SYSTEM_EVENTS } from './change-events';
import { EventData } from './event-data';
import { LOGON_EVENTS } from './logon-events';
import { PROCESS_EVENTS } from './process-events';
import { defined, Semantics } from './semantics';
import { sysmonSemantics } from './sysmon-events';
import { WindowsRecord } from './windows-record';

const SYSMON_CHANNEL = 'microsoft-windows-sysmon/operational';

type Family = 'security' | 'sysmon' | 'system' | 'powershell' | 'other';

/** Event ids are only unique per provider: Sysmon's 1 is not the Security log's. */
function familyOf(record: WindowsRecord): Family {
  const channel = record.channel?.toLowerCase();
  const provider = record.provider?.toLowerCase();
  if (channel === SYSMON_CHANNEL || provider === 'microsoft-windows-sysmon') return 'sysmon';
  if (channel === 'security' || (channel === undefined && provider === 'microsoft-windows-security-auditing')) return 'security';
  if (channel === 'system') return 'system';
  if (channel?.includes('powershell') || provider?.includes('powershell')) return 'powershell';
  return 'other';
}

const SECURITY_EVENTS: ReadonlyMap<number, Semantics> = new Map([...LOGON_EVENTS, ...ACCOUNT_EVENTS, ...PROCESS_EVENTS, ...SECURITY_CHANGE_EVENTS]);

function semantics(family: Family, record: WindowsRecord, data: EventData): EventFields {
  switch (family) {
    case 'sysmon':
      return sysmonSemantics(record.eventId, data);
    case 'security':
      return SECURITY_EVENTS.get(record.eventId)?.(data) ?? {};
    case 'system':
      return SYSTEM_EVENTS.get(record.eventId)?.(data) ?? {};
    case 'powershell':
      return POWERSHELL_EVENTS.get(record.eventId)?.(data) ?? {};
    case 'other':
      return {};
  }
}

function datasetOf(family: Family, channel: string | undefined): string {
  if (family === 'security') return 'windows.security';
  if (family === 'sysmon') return 'windows.sysmon';
  return channel ? `windows.${channel.toLowerCase()}` : 'windows';
}

/** Audit events carry their outcome in Keywords: 0x0010… is Audit Failure, 0x0020… Audit Success. */
function auditOutcome(keywords: string | undefined): 'success' | 'failure' | undefined {
  if (keywords === undefined || !/^0x[0-9a-f]{1,16}$/i.test(keywords)) return undefined;
  const mask = BigInt(keywords);
  if (mask & 0x10000000000000n) return 'failure';
  if (mask & 0x20000000000000n) return 'success';
  return undefined;
}

/** One Windows record, from any layout, to the normalized event (Winlogbeat's ECS mapping). */
export function mapWindowsRecord(record: WindowsRecord): EventFields {
  const family = familyOf(record);
  // Objects that would open with a spread and add members are built otherwise (see plain-object.ts).
  // EventData and UserData keys come off the wire, so they are copied as a spread copies (own `__proto__` kept).
  const data: EventData = record.userData === undefined ? { ...record.eventData } : copyMembers(copyMembers({}, record.userData), record.eventData);
  const facts = semantics(family, record, data);
  const outcome = auditOutcome(record.keywords);
  const userData = record.userData && (record.userDataName ? { xml_name: record.userDataName, ...record.userData } : { ...record.userData });
  const vendor = defined({
    user_data: userData,
    keywords: record.keywords,
    ...facts.vendor?.windows,
  });
  const fields: EventFields = Object.assign({}, facts, {
    event: {
      module: 'windows',
      dataset: datasetOf(family, record.channel),
      code: String(record.eventId),
      ...(record.provider ? { provider: record.provider } : {}),
      ...(outcome ? { outcome } : {}),
      ...facts.event,
    },
    winlog: {
      event_id: record.eventId,
      ...(record.channel ? { channel: record.channel } : {}),
      ...(record.provider ? { provider_name: record.provider } : {}),
      ...(record.computer ? { computer_name: record.computer } : {}),
      ...(record.recordId === undefined ? {} : { record_id: record.recordId }),
      event_data: record.eventData,
    },
  });
  if (vendor) fields.vendor = { windows: vendor };
  else delete fields.vendor;
  if (record.timestamp) fields['@timestamp'] = record.timestamp;
  if (record.computer) fields.host = { name: record.computer };
  if (record.message) fields.message = record.message;
  if (record.level) fields.log = { level: record.level };
  return fields;
}
