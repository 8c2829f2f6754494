import { isAsciiDigit as isDigit } from '../text/ascii-digit';
import { isRegexSpace } from '../text/regex-space';

/**
 * The parts of a BSD syslog header read by walking the characters: these run on every syslog line, and a
 * regular expression's match array and captured substrings cost more than the rest of the header.
 * Each reader accepts exactly what its regular expression (in the comment above it) matches; the tests
 * check them against those expressions.
 */

/** Wall-clock fields of a BSD stamp; `end` is where the text after the stamp's trailing space starts. */
export interface BsdStamp {
  /** Where the month's three letters start. */
  monthAt: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** The fraction's digits as written, if any ("Mmm dd hh:mm:ss.ffffff"). */
  fraction: string | undefined;
  end: number;
}

const SPACE = 32;
const [ZERO, COLON, DOT, OPEN, CLOSE, UPPER_A, UPPER_Z, LOWER_A, LOWER_Z] = ['0', ':', '.', '[', ']', 'A', 'Z', 'a', 'z'].map((c) => c.charCodeAt(0)) as [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];

const isLower = (code: number) => code >= LOWER_A && code <= LOWER_Z;

/** Two digits at `at` as a number, or -1. */
function twoDigits(text: string, at: number): number {
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return isDigit(high) && isDigit(low) ? (high - ZERO) * 10 + (low - ZERO) : -1;
}

// /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))? /, from `at`.
export function readBsdStamp(text: string, at: number): BsdStamp | undefined {
  const first = text.charCodeAt(at);
  if (!(first >= UPPER_A && first <= UPPER_Z) || !isLower(text.charCodeAt(at + 1)) || !isLower(text.charCodeAt(at + 2))) return undefined;
  let i = at + 3;
  if (text.charCodeAt(i) !== SPACE) return undefined;
  i += 1;
  if (text.charCodeAt(i) === SPACE) i += 1;
  if (!isDigit(text.charCodeAt(i))) return undefined;
  let day = text.charCodeAt(i) - ZERO;
  i += 1;
  if (isDigit(text.charCodeAt(i))) {
    day = day * 10 + (text.charCodeAt(i) - ZERO);
    i += 1;
  }
  if (text.charCodeAt(i) !== SPACE) return undefined;
  const hour = twoDigits(text, i + 1);
  const minute = twoDigits(text, i + 4);
  const second = twoDigits(text, i + 7);
  if (hour < 0 || minute < 0 || second < 0 || text.charCodeAt(i + 3) !== COLON || text.charCodeAt(i + 6) !== COLON) return undefined;
  i += 9;
  let fraction: string | undefined;
  if (text.charCodeAt(i) === DOT) {
    const from = i + 1;
    let to = from;
    while (to - from < 7 && isDigit(text.charCodeAt(to))) to += 1;
    if (to === from || to - from > 6) return undefined;
    fraction = text.slice(from, to);
    i = to;
  }
  if (text.charCodeAt(i) !== SPACE) return undefined;
  return { monthAt: at, day, hour, minute, second, fraction, end: i + 1 };
}

/** Host, tag (program), pid and message of what follows a syslog stamp. */
export interface HostAndTag {
  host: string;
  app: string;
  pid: number | undefined;
  message: string;
}

// /^(\S+) ([^\s:[\]]{1,64}(?: \d+(?:\.\d+)+)?)(?:\[(\d{1,10})\])?: ?(.*)$/s, from `at` — none of its parts can
// give back characters to the next one and still match, so one left-to-right walk decides it. (Reading the
// line from an offset, not a slice of it: characters of a sliced string are slower to read.)
export function readHostAndTag(text: string, at = 0): HostAndTag | undefined {
  let i = at;
  while (i < text.length && !isRegexSpace(text.charCodeAt(i))) i += 1;
  if (i === at || text.charCodeAt(i) !== SPACE) return undefined;
  const host = text.slice(at, i);
  const tagAt = i + 1;
  i = tagAt;
  for (let code = text.charCodeAt(i); i < text.length && code !== COLON && code !== OPEN && code !== CLOSE && !isRegexSpace(code); code = text.charCodeAt(i)) i += 1;
  if (i === tagAt || i - tagAt > 64) return undefined;
  // An old sysklogd's version after the name: " 1.4.1".
  if (text.charCodeAt(i) === SPACE) {
    let v = i + 1;
    const digitsFrom = v;
    while (isDigit(text.charCodeAt(v))) v += 1;
    if (v === digitsFrom) return undefined;
    let groups = 0;
    while (text.charCodeAt(v) === DOT && isDigit(text.charCodeAt(v + 1))) {
      v += 1;
      while (isDigit(text.charCodeAt(v))) v += 1;
      groups += 1;
    }
    if (groups === 0) return undefined;
    i = v;
  }
  const app = text.slice(tagAt, i);
  let pid: number | undefined;
  if (text.charCodeAt(i) === OPEN) {
    let value = 0;
    let j = i + 1;
    while (j - (i + 1) < 11 && isDigit(text.charCodeAt(j))) {
      value = value * 10 + (text.charCodeAt(j) - ZERO);
      j += 1;
    }
    const count = j - (i + 1);
    if (count === 0 || count > 10 || text.charCodeAt(j) !== CLOSE) return undefined;
    pid = value;
    i = j + 1;
  }
  if (text.charCodeAt(i) !== COLON) return undefined;
  i += 1;
  if (text.charCodeAt(i) === SPACE) i += 1;
  return { host, app, pid, message: text.slice(i) };
}
