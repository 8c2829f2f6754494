import { EventFields } from '../format-parser';
import { SecurityEvent } from '../security-event';
import { baseName, EventData, processId, qualifiedAccount, text } from './event-data';
import { account, defined, meaning, Semantics } from './semantics';

type Process = NonNullable<SecurityEvent['process']>;

/** A process from its path, pid and command line keys; the name is the path's last component; pid 0 means none. */
export function processFrom(data: EventData, keys: { path: string; pid: string; commandLine?: string }): Process | undefined {
  const executable = text(data, keys.path);
  const pid = processId(data, keys.pid);
  return defined({
    executable,
    name: executable === undefined ? undefined : baseName(executable),
    pid: pid === 0 ? undefined : pid,
    command_line: keys.commandLine === undefined ? undefined : text(data, keys.commandLine),
  });
}

/** 4688: NewProcess* is the child; ProcessId/ParentProcessName the creator. */
const processCreated: Semantics = (data) => {
  const fields: EventFields = { event: meaning('created-process', ['process'], ['start']) };
  const process = processFrom(data, { path: 'NewProcessName', pid: 'NewProcessId', commandLine: 'CommandLine' });
  const parent = defined({ ...processFrom(data, { path: 'ParentProcessName', pid: 'ProcessId' }) });
  if (process || parent) fields.process = withParent(process, parent);
  const user = account(data, 'Subject');
  if (user) fields.user = user;
  return fields;
};

const processExited: Semantics = (data) => {
  const fields: EventFields = { event: meaning('exited-process', ['process'], ['end']) };
  const process = processFrom(data, { path: 'ProcessName', pid: 'ProcessId' });
  if (process) fields.process = process;
  const user = account(data, 'Subject');
  if (user) fields.user = user;
  return fields;
};

export const PROCESS_EVENTS: ReadonlyMap<number, Semantics> = new Map([
  [4688, processCreated],
  [4689, processExited],
]);

/** `{ ...process, parent }` (no parent member without one), member by member (see plain-object.ts). */
export function withParent(process: Process | undefined, parent: Process['parent'] | undefined): Process {
  const merged: Process = Object.assign({}, process);
  if (parent) merged.parent = parent;
  return merged;
}

/** `DOMAIN\user` in a `User` key, as Sysmon and PowerShell write it. */
export function qualifiedUser(data: EventData, key = 'User'): EventFields['user'] {
  return qualifiedAccount(text(data, key));
}
