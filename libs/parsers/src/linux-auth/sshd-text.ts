import { isAsciiDigit as isDigit } from '../text/ascii-digit';
import { isRegexSpace } from '../text/regex-space';

/**
 * The two sshd readers every sshd message goes through, walking the characters: a regular expression's
 * match array and captured substrings cost more than the rest of the message's parse. Each accepts
 * exactly what its expression (in the comment above it) matches; the tests check them against those.
 */

const COLON = ':'.charCodeAt(0);
const ZERO = '0'.charCodeAt(0);

/** Where the run of non-`\s` characters starting at `at` ends. */
function tokenEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && !isRegexSpace(text.charCodeAt(i))) i += 1;
  return i;
}

/** The host after the first "from " that has one, and its port when it is a plain one (1–5 digits). */
export interface FromPart {
  host: string;
  port: number | undefined;
}

// /from (\S+?)(?: port (\d{1,5})(?=[\s:]|$)|(?=\s|$))/: the lazy host can only stop where a space follows,
// so it is the whole token; the port is taken when 1–5 digits end at a space, a colon or the end.
export function readFrom(text: string): FromPart | undefined {
  for (let at = text.indexOf('from '); at >= 0; at = text.indexOf('from ', at + 1)) {
    const hostAt = at + 5;
    const hostEnd = tokenEnd(text, hostAt);
    if (hostEnd === hostAt) continue;
    return { host: text.slice(hostAt, hostEnd), port: portAt(text, hostEnd) };
  }
  return undefined;
}

/** The port of `(?: port (\d{1,5})(?=[\s:]|$))` at `at`, as a number; undefined when there is none. */
function portAt(text: string, at: number): number | undefined {
  if (!text.startsWith(' port ', at)) return undefined;
  const digitsAt = at + 6;
  let end = digitsAt;
  let value = 0;
  for (let code = text.charCodeAt(end); isDigit(code) && end - digitsAt < 6; code = text.charCodeAt(end)) {
    value = value * 10 + (code - ZERO);
    end += 1;
  }
  const count = end - digitsAt;
  const next = text.charCodeAt(end);
  const ends = end === text.length || next === COLON || isRegexSpace(next);
  return count >= 1 && count <= 5 && ends ? value : undefined;
}

/** A login line's parts; `host` and `port` are the remote end after the user, the port as {@link readFrom} reads one. */
export interface LoginPart extends FromPart {
  event: 'Failed' | 'Accepted';
  method: string;
  user: string;
  signature: string | undefined;
}

const METHODS = ['password', 'publickey', 'keyboard-interactive/pam', 'keyboard-interactive', 'hostbased', 'gssapi-with-mic', 'none'];

// /^(Failed|Accepted) (password|publickey|keyboard-interactive\/pam|keyboard-interactive|hostbased|gssapi-with-mic|none)
//   for (invalid user )?(.*?) from (\S+)(?: port \d+)?(?: ssh2(?:: (.+))?)?/s, with the port as `readFrom` takes it
export function readLogin(text: string): LoginPart | undefined {
  const event = text.startsWith('Failed ') ? 'Failed' : text.startsWith('Accepted ') ? 'Accepted' : undefined;
  if (event === undefined) return undefined;
  const methodAt = event.length + 1;
  // The first method (in the expression's order) that " for " follows.
  let method: string | undefined;
  for (const name of METHODS) {
    if (text.startsWith(name, methodAt) && text.startsWith(' for ', methodAt + name.length)) {
      method = name;
      break;
    }
  }
  if (method === undefined) return undefined;
  const userAt = methodAt + method.length + 5;
  // With "invalid user " taken when a " from <host>" follows it; else the user starts right after "for ".
  const afterInvalid = text.startsWith('invalid user ', userAt) ? hostAfterUser(text, userAt + 13) : -1;
  const start = afterInvalid >= 0 ? userAt + 13 : userAt;
  const from = afterInvalid >= 0 ? afterInvalid : hostAfterUser(text, userAt);
  if (from < 0) return undefined;
  const hostEnd = tokenEnd(text, from + 6);
  const port = portAt(text, hostEnd);
  let i = hostEnd;
  if (text.startsWith(' port ', i) && isDigit(text.charCodeAt(i + 6))) {
    i += 6;
    while (isDigit(text.charCodeAt(i))) i += 1;
  }
  let signature: string | undefined;
  if (text.startsWith(' ssh2', i) && text.startsWith(': ', i + 5) && i + 7 < text.length) signature = text.slice(i + 7);
  return { event, method, user: text.slice(start, from), host: text.slice(from + 6, hostEnd), port, signature };
}

/** Where the first " from " followed by a non-space character starts, at or after `at`; -1 if none. */
function hostAfterUser(text: string, at: number): number {
  for (let i = text.indexOf(' from ', at); i >= 0; i = text.indexOf(' from ', i + 1)) {
    if (i + 6 < text.length && !isRegexSpace(text.charCodeAt(i + 6))) return i;
  }
  return -1;
}
