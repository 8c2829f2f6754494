import { EventFields } from '../format-parser';
import { remoteEndpoint, underVendor, withVendor } from './auth-fields';
import { FromPart, readFrom, readLogin } from './sshd-text';
import { ipVersion } from '../text/ip-version';

const REPEATED = /^message repeated (\d{1,6}) times: \[ ?(.*?) ?\]\s*$/s;
const INVALID_USER = /^Invalid user (.*?) from /s;
const DISCONNECT = /^(Connection closed by|Disconnected from|Received disconnect from|Connection reset by)/;
const NO_IDENTIFICATION = /^Did not receive identification string from (\S+)(?: port (\d{1,5}))?/;
const BREAK_IN = /^(?:Address (\S+) maps to (\S+), but this does not map back to the address|reverse mapping checking getaddrinfo for (\S+) \[(\S+)\] failed)/;
const PAM_ERROR = /^error: PAM: .*? for (?:illegal user |invalid user )?(.*?) from (\S+)$/s;
const MAX_ATTEMPTS = /^error: maximum authentication attempts exceeded for (?:invalid user )?(.*?) from /s;
const NOT_ALLOWED = /^User (\S+) from \S+ not allowed because/;

/** An sshd message in ECS terms, or undefined when it says nothing about authentication. */
export function parseSshdMessage(message: string): EventFields | undefined {
  let count = 1;
  let text = message;
  // Most messages are not summaries: their first letter tells without running the expression.
  const repeated = text.startsWith('message repeated ') ? REPEATED.exec(text) : null;
  if (repeated) {
    count = Number(repeated[1]);
    text = repeated[2]!;
  }
  const fields = readSshd(text);
  if (fields && count > 1) fields.event = Object.assign({}, fields.event, { count });
  return fields;
}

function readSshd(text: string): EventFields | undefined {
  // The user name is everything between "for" and "from": OpenSSH prints names with spaces verbatim.
  const login = readLogin(text);
  if (login) {
    const success = login.event === 'Accepted';
    // Elastic's system/auth mapping: a successful login also opens a session. The source is the host after
    // the user (a user named "from …" does not hide it).
    const fields = authentication('ssh_login', success ? 'success' : 'failure', ipEndpoint(login), login.user, success ? ['authentication', 'session'] : undefined);
    // Every member is a non-empty text (a signature only when one follows): nothing for withVendor to drop.
    const ssh: Record<string, string> = { event: login.event, method: login.method };
    if (login.signature !== undefined) ssh.signature = login.signature;
    return underVendor(fields, 'ssh', ssh);
  }
  const source = ipEndpoint(readFrom(text));
  const invalid = INVALID_USER.exec(text);
  if (invalid) return withVendor(authentication('ssh_invalid_user', 'failure', source, invalid[1]), 'ssh', { event: 'Invalid' });
  if (DISCONNECT.test(text)) {
    const fields = authentication('ssh_disconnect', 'unknown', source);
    // `{ ...fields, event: { ...fields.event, type } }` without spread literals (see plain-object.ts).
    return Object.assign({}, fields, { event: Object.assign({}, fields.event, { type: ['end'] }) });
  }
  const maxAttempts = MAX_ATTEMPTS.exec(text);
  // Each of these attempts was already logged as "Failed …": a distinct action keeps brute-force counts honest.
  if (maxAttempts) return authentication('ssh_max_auth_attempts', 'failure', source, maxAttempts[1]);
  const notAllowed = NOT_ALLOWED.exec(text);
  if (notAllowed) return authentication('ssh_user_not_allowed', 'failure', source, notAllowed[1]);

  const dropped = NO_IDENTIFICATION.exec(text);
  if (dropped) {
    const endpoint = remoteEndpoint(dropped[1], dropped[2]);
    return withVendor(endpoint ? { source: endpoint } : {}, 'ssh', { dropped_ip: endpoint?.ip });
  }
  const breakIn = BREAK_IN.exec(text);
  if (breakIn) {
    const ip = breakIn[1] ?? breakIn[4];
    const endpoint = remoteEndpoint(ip);
    const fields: EventFields = { event: { category: ['network'], type: ['info'], action: 'ssh_reverse_mapping_mismatch' } };
    if (endpoint) fields.source = Object.assign({}, endpoint, { domain: breakIn[2] ?? breakIn[3] });
    return fields;
  }
  const pamError = PAM_ERROR.exec(text);
  if (pamError) {
    // sshd also logs "Failed …" for the same attempt, so this one carries no action (as Elastic's pipeline does).
    const endpoint = remoteEndpoint(pamError[2]);
    const fields: EventFields = {};
    if (pamError[1]) fields.user = { name: pamError[1] };
    if (endpoint) fields.source = endpoint;
    return fields;
  }
  return undefined;
}

function authentication(
  action: string,
  outcome: 'success' | 'failure' | 'unknown',
  source: EventFields['source'],
  userName?: string,
  category = ['authentication'],
): EventFields {
  const fields: EventFields = { event: { category, type: ['info'], action, outcome } };
  if (userName) fields.user = { name: userName };
  if (source) fields.source = source;
  return fields;
}

/** The address (and port) after "from", when it is an IP address: `remoteEndpoint` with only `ip` and `port` kept, built once. */
function ipEndpoint(from: FromPart | undefined): EventFields['source'] {
  // "Received disconnect from IP port P:11: …" puts a colon right after the port; IPv6 addresses hold colons too.
  const host = from?.host;
  if (host === undefined || host === '' || ipVersion(host) === 0) return undefined;
  const port = from!.port ?? 0;
  return port > 0 && port < 65536 ? { ip: host, port } : { ip: host };
}
