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
  if (!text.startsWith(' port ', at)) return undefined;
  const start = at + 6;
  let end = start;
  let value = 0;
  for (let code = text.charCodeAt(end); isDigit(code); code = text.charCodeAt(end)) {
    value = value * 10 + (code - ZERO);
    end += 1;
  }
  const next = text.charCodeAt(end);
  const ends = end === text.length || next === COLON || isRegexSpace(next);
  return end - start >= 1 && end - start <= 5 && ends ? value : undefined;
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
