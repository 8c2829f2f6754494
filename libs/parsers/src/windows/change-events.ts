import { EventFields } from '../format-parser';
import { text } from './event-data';
import { wholeNumber } from './json-value';
import { account, defined, meaning, Semantics } from './semantics';

/** 1102 (Security log) and 104 (System log, provider Eventlog): a log was cleared; the actor is in UserData. */
const auditLogCleared: Semantics = (data) => {
  const user = account(data, 'Subject');
  return { event: meaning('audit-log-cleared', ['iam'], ['admin', 'change']), ...(user ? { user } : {}) };
};

/** 4698–4702: the task's name and XML stay in event_data; the subject is the actor. */
function scheduledTask(action: string, type: string): Semantics {
  return (data) => {
    const user = account(data, 'Subject');
    const task = defined({ name: text(data, 'TaskName') });
    return {
      event: meaning(action, ['iam', 'configuration'], [type, 'admin']),
      ...(user ? { user } : {}),
      ...(task ? { vendor: { windows: { scheduled_task: task } } } : {}),
    };
  };
}

/** 7045 (System) and 4697 (Security): a service was installed; ImagePath/ServiceFileName is its binary. */
const serviceInstalled: Semantics = (data) => {
  const service = defined({
    name: text(data, 'ServiceName'),
    file_name: text(data, 'ImagePath') ?? text(data, 'ServiceFileName'),
    type: text(data, 'ServiceType'),
    start_type: text(data, 'StartType') ?? text(data, 'ServiceStartType'),
    account_name: text(data, 'AccountName') ?? text(data, 'ServiceAccount'),
  });
  const user = account(data, 'Subject');
  const fields: EventFields = { event: meaning('service-installed', ['iam', 'configuration'], ['admin', 'creation']) };
  if (user) fields.user = user;
  if (service) fields.vendor = { windows: { service } };
  return fields;
};

/**
 * 4104: ScriptBlockText stays in event_data only (copying up to 64 KiB of script would double the
 * event); its id, path and part numbers go where Winlogbeat puts them.
 */
const scriptBlock: Semantics = (data) => {
  const powershell = defined({
    file: defined({ script_block_id: text(data, 'ScriptBlockId'), path: text(data, 'Path') }),
    sequence: wholeNumber(data.MessageNumber),
    total: wholeNumber(data.MessageTotal),
  });
  return { event: meaning('execute-script-block', ['process'], ['info']), ...(powershell ? { vendor: { windows: { powershell } } } : {}) };
};

export const SECURITY_CHANGE_EVENTS: ReadonlyMap<number, Semantics> = new Map([
  [1102, auditLogCleared],
  [4697, serviceInstalled],
  [4698, scheduledTask('scheduled-task-created', 'creation')],
  [4699, scheduledTask('scheduled-task-deleted', 'deletion')],
  [4700, scheduledTask('scheduled-task-enabled', 'change')],
  [4701, scheduledTask('scheduled-task-disabled', 'change')],
  [4702, scheduledTask('scheduled-task-updated', 'change')],
]);

export const SYSTEM_EVENTS: ReadonlyMap<number, Semantics> = new Map([
  [104, auditLogCleared],
  [7045, serviceInstalled],
]);

export const POWERSHELL_EVENTS: ReadonlyMap<number, Semantics> = new Map([[4104, scriptBlock]]);
