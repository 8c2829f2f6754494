import { EventFields } from '../format-parser';
import { actingUser, remoteEndpoint, withVendor } from './auth-fields';

// `pam_unix(sudo:auth): body`; programs logging as `sshd(pam_unix)` write the body alone.
const PAM_PREFIX = /^(pam_\w+)\(([^:()]+):(\w+)\): (.*)$/s;
const AUTH_FAILURE = /^(?:PAM )?(?:(\d{1,6}) more )?authentication failures?; (.*)$/s;
const KEY_VALUE = /(\w+)=(\S*)/g;
const SESSION = /^session (opened|closed) for user (\S+?)(?:\(uid=\d+\))?(?: by (\S*?)\(uid=\d+\))?$/;
const PASSWORD_CHANGED = /^password changed for (\S+)$/;
/** First characters of those forms: pam_…/password changed, PAM …, N more …, authentication …, check pass, session …. */
const PAM_FIRST = new Set([...'pPacs0123456789'].map((c) => c.charCodeAt(0)));

/** A PAM module's message, as `pam_unix(service:type): …`, bare under `prog(pam_unix)`, or sshd's `PAM N more …`. */
export function parsePamMessage(message: string, service?: string): EventFields | undefined {
  // Every form read here opens with one of these characters (the expressions above and readBody's tests):
  // sshd's own lines ("Failed …", "Accepted …") are turned away without running any of them.
  if (!PAM_FIRST.has(message.charCodeAt(0))) return undefined;
  const prefixed = PAM_PREFIX.exec(message);
  const body = prefixed ? prefixed[4]! : message;
  const fields = readBody(body);
  return fields && withVendor(fields, 'pam', prefixed ? { module: prefixed[1], service: prefixed[2], type: prefixed[3] } : { service });
}

function readBody(body: string): EventFields | undefined {
  const failure = AUTH_FAILURE.exec(body);
  if (failure) {
    const kv = Object.fromEntries([...failure[2]!.matchAll(KEY_VALUE)].map((m) => [m[1]!, m[2]!]));
    const remote = kv.ruser ? kv.ruser : undefined;
    // `user` is the account being authenticated; `ruser` the one asking for it (sudo, su), often empty.
    const fields: EventFields = {
      event: {
        category: ['authentication'],
        type: ['info'],
        action: 'pam_authentication_failure',
        outcome: 'failure',
        ...(failure[1] === undefined ? {} : { count: Number(failure[1]) }),
      },
      user: actingUser(remote, kv.user || undefined),
    };
    const source = remoteEndpoint(kv.rhost);
    if (source) fields.source = source;
    return withVendor(fields, 'pam_auth', { logname: kv.logname, uid: kv.uid, euid: kv.euid, tty: kv.tty, ruser: kv.ruser });
  }
  if (body.startsWith('check pass; user unknown')) {
    return { event: { category: ['authentication'], type: ['info'], action: 'pam_user_unknown', outcome: 'failure' } };
  }
  const session = SESSION.exec(body);
  if (session) {
    const opened = session[1] === 'opened';
    return {
      event: { category: ['session'], type: [opened ? 'start' : 'end'], action: opened ? 'session_opened' : 'session_closed', outcome: 'success' },
      user: session[3] ? actingUser(session[3], session[2]) : { name: session[2] },
    };
  }
  const changed = PASSWORD_CHANGED.exec(body);
  if (changed) {
    return { event: { category: ['iam'], type: ['user', 'change'], action: 'password_changed', outcome: 'success' }, user: { name: changed[1] } };
  }
  return undefined;
}
