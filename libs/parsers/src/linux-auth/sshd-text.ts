import { isAsciiDigit as isDigit } from '../text/ascii-digit';
import { isRegexSpace } from '../text/regex-space';

/**
 * The two sshd readers every sshd message goes through. Each accepts exactly what its expression (in the
 * comment above it) matches; the tests check them against those.
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
  return text.startsWith(' port ', at) ? portValue(text, at + 6, digitsEnd(text, at + 6)) : undefined;
}

/** Where the run of ASCII digits starting at `at` ends. */
function digitsEnd(text: string, at: number): number {
  let end = at;
  while (isDigit(text.charCodeAt(end))) end += 1;
  return end;
}

/** The digits from `start` to `end` as a port: 1–5 of them, ending the text or followed by `\s` or a colon. */
function portValue(text: string, start: number, end: number): number | undefined {
  const count = end - start;
  if (count < 1 || count > 5) return undefined;
  const next = text.charCodeAt(end);
  if (end !== text.length && next !== COLON && !isRegexSpace(next)) return undefined;
  let value = 0;
  for (let i = start; i < end; i += 1) value = value * 10 + (text.charCodeAt(i) - ZERO);
  return value;
}

/** A login line's parts; `host` and `port` are the remote end after the user, the port as {@link readFrom} reads one. */
export interface LoginPart extends FromPart {
  event: 'Failed' | 'Accepted';
  method: string;
  user: string;
  signature: string | undefined;
}

/**
 * The user is everything between "for" (and an "invalid user ") and the first " from <host>"; the port
 * is taken as `readFrom` takes one (1–5 digits followed by `\s`, a colon or the end), other digits are
 * skipped. One expression, not a walk over the characters as for `readFrom`: a message is a slice of its
 * line, and reading a slice character by character in JavaScript cost twice what the expression does.
 */
const LOGIN =
  /^(?:Failed|Accepted) (password|publickey|keyboard-interactive\/pam|keyboard-interactive|hostbased|gssapi-with-mic|none) for (?:invalid user )?(.*?) from (\S+)(?: port (\d{1,5})(?![^\s:])| port \d+)?(?: ssh2(?:: (.+))?)?/s;
const UPPER_F = 'F'.charCodeAt(0);

export function readLogin(text: string): LoginPart | undefined {
  const match = LOGIN.exec(text);
  if (!match) return undefined;
  const port = match[4];
  return {
    event: text.charCodeAt(0) === UPPER_F ? 'Failed' : 'Accepted',
    method: match[1]!,
    user: match[2]!,
    host: match[3]!,
    port: port === undefined ? undefined : Number(port),
    signature: match[5],
  };
}
