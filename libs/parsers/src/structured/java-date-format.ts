import { plausible, readZone, WrittenZone, zonedInstant } from './device-time';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// The SimpleDateFormat letters devices use in LEEF devTimeFormat; any other letter makes the format unsupported.
const TOKENS: [RegExp, string, string][] = [
  [/^yyyy/, 'year', '(\\d{4})'],
  [/^MMM/, 'monthName', '([A-Za-z]{3})'],
  [/^MM/, 'month', '(\\d{1,2})'],
  [/^dd?/, 'day', '(\\d{1,2})'],
  [/^HH?/, 'hour', '(\\d{1,2})'],
  [/^mm?/, 'minute', '(\\d{1,2})'],
  [/^ss?/, 'second', '(\\d{1,2})'],
  [/^S{1,9}/, 'fraction', '(\\d{1,9})'],
  [/^[zZX]{1,3}/, 'zone', '(\\S+)'],
];

/** Reads `value` written in the Java SimpleDateFormat `format` (e.g. `yyyy-MM-dd HH:mm:ss.SSS`); undefined if it does not fit. */
export function parseJavaDate(value: string, format: string, zone: WrittenZone, receivedAt: Date): Date | undefined {
  const compiled = compile(format);
  if (!compiled) return undefined;
  const match = compiled.pattern.exec(value.trim());
  if (!match) return undefined;
  const parts: Record<string, string> = {};
  compiled.fields.forEach((field, i) => (parts[field] = match[i + 1]!));
  const month = parts.monthName === undefined ? Number(parts.month) : MONTHS.indexOf(parts.monthName.toLowerCase()) + 1;
  const local = {
    month,
    day: Number(parts.day ?? 1),
    hour: Number(parts.hour ?? 0),
    minute: Number(parts.minute ?? 0),
    second: Number(parts.second ?? 0),
    millisecond: parts.fraction === undefined ? 0 : Math.floor(Number(`0.${parts.fraction}`) * 1000),
  };
  if (!plausible(local)) return undefined;
  const written = parts.zone === undefined ? zone : readZone(parts.zone);
  if (written === undefined) return undefined;
  return zonedInstant(parts.year === undefined ? local : Object.assign({ year: Number(parts.year) }, local), written, receivedAt);
}

function compile(format: string): { pattern: RegExp; fields: string[] } | undefined {
  let source = '^';
  const fields: string[] = [];
  let rest = format;
  while (rest.length > 0) {
    const token = TOKENS.find(([test]) => test.test(rest));
    if (token) {
      const length = token[0].exec(rest)![0].length;
      source += token[2];
      fields.push(token[1]);
      rest = rest.slice(length);
    } else if (/^[A-Za-z]/.test(rest)) {
      return undefined;
    } else {
      source += rest[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      rest = rest.slice(1);
    }
  }
  return { pattern: new RegExp(`${source}$`), fields };
}
