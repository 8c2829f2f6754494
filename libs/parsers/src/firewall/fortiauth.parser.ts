import { EventFields, FormatParser, formatError, formatOk, FormatResult } from '../format-parser';
import { ipOf, SYSLOG_SEVERITY } from './net';

type Event = NonNullable<EventFields['event']>;

// FortiAuthenticator writes `category="Event" subcategory="…" typeid=N …` then free text.
const OPENING = /^\s*category="[^"]*" subcategory="[^"]*" typeid=\d+ /;
const PAIR = /^([A-Za-z_][\w.-]{0,63})=("(?:[^"\\]|\\.)*"|[^\s"]*)(?:\s+|$)/;

/** FortiAuthenticator syslog messages: leading key=value pairs, then a free-text description. */
export const fortiAuthenticatorParser: FormatParser = {
  format: 'fortiauth',
  matches: (text: string) => OPENING.test(text),
  parse(text: string): FormatResult {
    const { pairs, rest } = leadingPairs(text.trim());
    if (pairs.size === 0) return formatError('no key=value pairs');
    const status = pairs.get('status')?.toLowerCase();
    const isAuthentication = pairs.get('subcategory')?.toLowerCase() === 'authentication';
    const event: Event = {
      kind: 'event',
      dataset: 'fortinet_fortiauthenticator.log',
      module: 'fortinet_fortiauthenticator',
      category: isAuthentication ? ['authentication'] : ['host'],
      type: isAuthentication ? ['start'] : ['info'],
      ...(pairs.get('typeid') ? { code: pairs.get('typeid') } : {}),
      ...(pairs.get('action') ? { action: pairs.get('action') } : {}),
      ...(status === 'success' ? { outcome: 'success' as const } : status === 'failed' ? { outcome: 'failure' as const } : status === 'pending' ? { outcome: 'unknown' as const } : {}),
    };
    const severity = SYSLOG_SEVERITY[pairs.get('level')?.toLowerCase() ?? ''];
    if (severity !== undefined) event.severity = severity;
    const fields: EventFields = {
      event,
      observer: { vendor: 'Fortinet', product: 'FortiAuthenticator', type: 'authentication' },
      vendor: { fortinet: Object.fromEntries(pairs) },
    };
    const user = pairs.get('user');
    if (user) fields.user = { name: user };
    const nas = ipOf(pairs.get('nas'));
    if (nas) fields.client = { ip: nas };
    if (rest) fields.message = rest;
    return formatOk(fields);
  },
};

function leadingPairs(text: string): { pairs: Map<string, string>; rest: string } {
  const pairs = new Map<string, string>();
  let rest = text;
  for (let match = PAIR.exec(rest); match; match = PAIR.exec(rest)) {
    const raw = match[2]!;
    pairs.set(match[1]!, raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw);
    rest = rest.slice(match[0].length);
    if (rest === '') break;
  }
  return { pairs, rest: rest.trim() };
}
