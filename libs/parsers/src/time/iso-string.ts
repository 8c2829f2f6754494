const DAY_MS = 86_400_000;
/** 9999-12-31T23:59:59.999Z: past it `toISOString` writes a six-digit `+YYYYYY` year. */
const LAST_FOUR_DIGIT_YEAR_MS = 253_402_300_799_999;

/**
 * `date.toISOString()`, the same text for every instant, computed in JavaScript: V8's own takes
 * about 0.3 µs (a runtime call), and each record needs two to four of them. Instants before 1970 or
 * after year 9999 and invalid dates (which throw) are left to `toISOString` itself.
 */
export function isoString(date: Date): string {
  return isoStringAt(date.getTime());
}

/** `new Date(ms).toISOString()` for epoch milliseconds, as {@link isoString}. */
export function isoStringAt(ms: number): string {
  // A batch shares one receipt time and a burst of lines one timestamp: the same text is reused. Two
  // entries, because each record asks for both (its own time, then the receipt time) in turn.
  if (ms === last.ms) return last.text;
  if (ms === previous.ms) {
    [last, previous] = [previous, last];
    return last.text;
  }
  if (!(ms >= 0 && ms <= LAST_FOUR_DIGIT_YEAR_MS)) return new Date(ms).toISOString();
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  const millisecond = rest % 1000;
  rest = (rest - millisecond) / 1000;
  const second = rest % 60;
  rest = (rest - second) / 60;
  const minute = rest % 60;
  const hour = (rest - minute) / 60;
  // Civil date from days since 1970-01-01 (H. Hinnant's civil_from_days, proleptic Gregorian).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  // One call with every character code: a flat 24-character string, where concatenating the
  // parts would leave a tree of string pieces held by every event.
  const text = String.fromCharCode(
    digit(year, 1000), digit(year, 100), digit(year, 10), digit(year, 1), DASH, digit(month, 10), digit(month, 1), DASH, digit(day, 10), digit(day, 1),
    T, digit(hour, 10), digit(hour, 1), COLON, digit(minute, 10), digit(minute, 1), COLON, digit(second, 10), digit(second, 1),
    DOT, digit(millisecond, 100), digit(millisecond, 10), digit(millisecond, 1), Z,
  );
  previous = last;
  last = { ms, text };
  return text;
}

let last = { ms: NaN, text: '' };
let previous = { ms: NaN, text: '' };

const [DASH, T, COLON, DOT, Z] = ['-', 'T', ':', '.', 'Z'].map((c) => c.charCodeAt(0)) as [number, number, number, number, number];

/** Character code of the decimal digit of `n` at `place` (1, 10, 100, 1000). */
const digit = (n: number, place: number): number => 48 + (Math.floor(n / place) % 10);

/**
 * `Date.parse(text)`, read directly when `text` is what {@link isoString} writes (`YYYY-MM-DDTHH:mm:ss.sssZ`,
 * 1970–9999): detection reads every event's `@timestamp` back, and V8's general date parser takes a
 * runtime call for it. Any other text, or a date that does not exist (30 February), goes to `Date.parse`.
 */
export function isoStringMs(text: string): number {
  // Lines of one second (BSD stamps have no finer one) come one after another: the last answer, reused.
  if (text === lastReadText) return lastReadMs;
  lastReadMs = readIsoString(text);
  lastReadText = text;
  return lastReadMs;
}

let lastReadText = '';
let lastReadMs = NaN;

function readIsoString(text: string): number {
  if (
    typeof text !== 'string' ||
    text.length !== 24 ||
    text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH || text.charCodeAt(10) !== T || text.charCodeAt(13) !== COLON ||
    text.charCodeAt(16) !== COLON || text.charCodeAt(19) !== DOT || text.charCodeAt(23) !== Z
  ) {
    return Date.parse(text);
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const millisecond = digits(text, 20, 3);
  // digits() is -1 for a non-digit, which every range test below refuses.
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || millisecond < 0) {
    return Date.parse(text);
  }
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond;
}

/** The decimal number written by `length` digits of `text` from `start`; -1 if one is not a digit. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i += 1) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil, the inverse of civil_from_days in isoStringAt). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
