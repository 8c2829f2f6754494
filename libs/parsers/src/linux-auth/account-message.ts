import { EventFields } from '../format-parser';
import { withVendor } from './auth-fields';

type Fields = Record<string, string>;
const KEY_VALUE = /(\w+)=([^,]*)/g;
const fieldsOf = (text: string): Fields => Object.fromEntries([...text.matchAll(KEY_VALUE)].map((m) => [m[1]!.toLowerCase(), m[2]!.trim()]));

const NEW_USER = /^new user: (.*)$/;
const NEW_GROUP = /^(?:new group|group added to \/etc\/(?:group|gshadow)): (.*)$/;
const FAILED_USER = /^failed adding user '([^']+)'/;
const DELETE_USER = /^delete user '([^']+)'/;
const DELETE_GROUP = /^(?:removed group '([^']+)'|group '([^']+)' removed)/;
const ADD_TO_GROUP = /^add '([^']+)' to (?:shadow )?group '([^']+)'/;
const CHANGE_USER = /^(?:change|lock|unlock) user '([^']+)'/;
const PASSWORD_FOR = /^password for '([^']+)' changed by '([^']+)'/;

/** shadow-utils account management (useradd, groupadd, usermod, userdel, groupdel, passwd), ECS `iam` events. */
export function parseAccountMessage(message: string): EventFields | undefined {
  const text = message.trim();
  let match = NEW_USER.exec(text);
  if (match) {
    const f = fieldsOf(match[1]!);
    const fields: EventFields = { event: iam(['user', 'creation'], 'success'), user: { name: f.name, id: f.uid } };
    if (f.gid) fields.group = { id: f.gid };
    return withVendor(fields, 'useradd', { home: f.home, shell: f.shell, from: f.from });
  }
  match = NEW_GROUP.exec(text);
  if (match) {
    const f = fieldsOf(match[1]!);
    return { event: iam(['group', 'creation'], 'success'), group: { name: f.name, ...(f.gid ? { id: f.gid } : {}) } };
  }
  if ((match = FAILED_USER.exec(text))) return { event: iam(['user', 'creation'], 'failure'), user: { name: match[1] } };
  if ((match = DELETE_USER.exec(text))) return { event: iam(['user', 'deletion'], 'success'), user: { name: match[1] } };
  if ((match = DELETE_GROUP.exec(text))) return { event: iam(['group', 'deletion'], 'success'), group: { name: match[1] ?? match[2] } };
  if ((match = ADD_TO_GROUP.exec(text))) {
    return { event: iam(['user', 'group', 'change'], 'success'), user: { name: match[1] }, group: { name: match[2] } };
  }
  if ((match = CHANGE_USER.exec(text))) return { event: iam(['user', 'change'], 'success'), user: { name: match[1] } };
  if ((match = PASSWORD_FOR.exec(text))) {
    const fields: EventFields = { event: Object.assign(iam(['user', 'change'], 'success'), { action: 'password_changed' }), user: { name: match[1] } };
    return withVendor(fields, 'passwd', { changed_by: match[2] });
  }
  return undefined;
}

const iam = (type: string[], outcome: 'success' | 'failure'): NonNullable<EventFields['event']> => ({ category: ['iam'], type, outcome });
