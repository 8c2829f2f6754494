import { EventFields } from '../format-parser';
import { EventData, text } from './event-data';
import { processFrom } from './process-events';
import { account, defined, meaning, remoteEndpoint, Semantics, statusOutcome } from './semantics';

/** LogonType numbers as Winlogbeat names them (`winlog.logon.type`). */
const LOGON_TYPES: Readonly<Record<string, string>> = {
  '0': 'System',
  '2': 'Interactive',
  '3': 'Network',
  '4': 'Batch',
  '5': 'Service',
  '7': 'Unlock',
  '8': 'NetworkCleartext',
  '9': 'NewCredentials',
  '10': 'RemoteInteractive',
  '11': 'CachedInteractive',
  '12': 'CachedRemoteInteractive',
  '13': 'CachedUnlock',
};

function logon(data: EventData, idKey: string): Record<string, unknown> | undefined {
  const type = text(data, 'LogonType');
  return defined({ type: type === undefined ? undefined : (LOGON_TYPES[type] ?? type), id: text(data, idKey) });
}

/** 4624/4625: the account logged on (Target*), from where, through which process. */
function logonAttempt(data: EventData): EventFields {
  const fields: EventFields = {};
  const user = account(data, 'Target');
  if (user) fields.user = user;
  const source = remoteEndpoint(data, 'IpAddress', 'IpPort', 'WorkstationName');
  if (source) fields.source = source;
  const process = processFrom(data, { path: 'ProcessName', pid: 'ProcessId' });
  if (process) fields.process = process;
  return fields;
}

// The fields below are completed member by member, not as `{ ...logonAttempt(data), event, … }` (see plain-object.ts).
const loggedIn: Semantics = (data) => {
  const fields = logonAttempt(data);
  fields.event = meaning('logged-in', ['authentication'], ['start'], 'success');
  fields.vendor = { windows: { logon: logon(data, 'TargetLogonId') } };
  return fields;
};

const logonFailed: Semantics = (data) => {
  const fields = logonAttempt(data);
  fields.event = meaning('logon-failed', ['authentication'], ['start'], 'failure');
  const failure = defined({ status: text(data, 'Status'), sub_status: text(data, 'SubStatus'), reason: text(data, 'FailureReason') });
  fields.vendor = { windows: { logon: Object.assign({}, logon(data, 'TargetLogonId'), { failure }) } };
  return fields;
};

const loggedOut: Semantics = (data) => {
  const user = account(data, 'Target');
  const fields: EventFields = {};
  if (user) fields.user = user;
  fields.event = meaning('logged-out', ['authentication'], ['end'], 'success');
  fields.vendor = { windows: { logon: logon(data, 'TargetLogonId') } };
  return fields;
};

/** 4648: the subject used the target account's explicit credentials. */
const explicitCredentials: Semantics = (data) => {
  const fields: EventFields = { event: meaning('logged-in-explicit', ['authentication'], ['start'], 'success') };
  const subject = account(data, 'Subject');
  const target = text(data, 'TargetUserName');
  if (subject || target) {
    const user: NonNullable<EventFields['user']> = Object.assign({}, subject);
    if (target !== undefined) user.effective = { name: target };
    fields.user = user;
  }
  const source = remoteEndpoint(data, 'IpAddress', 'IpPort');
  if (source) fields.source = source;
  const process = processFrom(data, { path: 'ProcessName', pid: 'ProcessId' });
  if (process) fields.process = process;
  return fields;
};

const specialPrivileges: Semantics = (data) => {
  const user = account(data, 'Subject');
  return { event: meaning('logged-in-special', ['iam'], ['admin']), ...(user ? { user } : {}), vendor: { windows: { logon: defined({ id: text(data, 'SubjectLogonId') }) } } };
};

/** Kerberos (4768/4769/4771) and NTLM (4776) events name the account in TargetUserName, the client in IpAddress. */
function credentialCheck(action: string, fixedOutcome?: 'failure'): Semantics {
  return (data) => {
    const user = account(data, 'Target');
    const source = remoteEndpoint(data, 'IpAddress', 'IpPort', 'Workstation');
    const outcome = fixedOutcome ?? statusOutcome(data, 'Status');
    return {
      event: meaning(action, ['authentication'], ['start'], outcome),
      ...(user ? { user } : {}),
      ...(source ? { source } : {}),
    };
  };
}

export const LOGON_EVENTS: ReadonlyMap<number, Semantics> = new Map([
  [4624, loggedIn],
  [4625, logonFailed],
  [4634, loggedOut],
  [4647, loggedOut],
  [4648, explicitCredentials],
  [4672, specialPrivileges],
  [4768, credentialCheck('kerberos-authentication-ticket-requested')],
  [4769, credentialCheck('kerberos-service-ticket-requested')],
  [4771, credentialCheck('kerberos-preauth-failed', 'failure')],
  [4776, credentialCheck('credential-validated')],
]);
