// Who is who on an incident page: user names for the summary and timeline, responders for the assign list.
import { currentUser } from '../../api.js';
import { addStrings, t } from '../../i18n.js';

addStrings({
  'inc.unassigned': ['Chưa giao', 'Unassigned'],
});

const RESPONDER_ROLES = ['admin', 'soc_analyst', 'ir_lead', 'ir_member'];

export function userLabel(user) {
  return user.displayName ? `${user.displayName} (${user.username})` : user.username;
}

/** `users` is id → user when the caller may list users, else null. */
export function userName(users, userId) {
  if (!userId) return t('inc.unassigned');
  const user = users?.get(userId);
  if (user) return userLabel(user);
  if (currentUser()?.id === userId) return currentUser().username;
  return userId.slice(0, 8);
}

export function responders(users) {
  return [...users.values()].filter((user) => user.roles.some((role) => RESPONDER_ROLES.includes(role)));
}
