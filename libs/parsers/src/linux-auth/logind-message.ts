import { EventFields } from '../format-parser';
import { withVendor } from './auth-fields';

const NEW_SESSION = /^New session (\S+) of user (\S+?)\.?$/;
const REMOVED_SESSION = /^Removed session (\S+?)\.?$/;

/** systemd-logind's login sessions. */
export function parseLogindMessage(message: string): EventFields | undefined {
  const created = NEW_SESSION.exec(message.trim());
  if (created) {
    const fields: EventFields = { event: { category: ['session'], type: ['start'], action: 'logind_session_new', outcome: 'success' }, user: { name: created[2] } };
    return withVendor(fields, 'logind', { session_id: created[1] });
  }
  const removed = REMOVED_SESSION.exec(message.trim());
  if (removed) {
    return withVendor({ event: { category: ['session'], type: ['end'], action: 'logind_session_removed' } }, 'logind', { session_id: removed[1] });
  }
  return undefined;
}
