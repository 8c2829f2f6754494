import { EventFields, FormatParser, formatError, formatOk, FormatResult, ParseContext } from '../format-parser';
import { localToInstant } from '../time/zoned-time';
import { splitCsv } from './csv';
import { embeddedLineParser } from './embedded';
import { compact, endpoint, intOf, ipOf, ipVersionOf, nonEmpty, portOf, transportOfName } from './net';

type Event = NonNullable<EventFields['event']>;

// `<future>,<receive time>,<serial>,<TYPE>,` opens every PAN-OS syslog record.
const RECORD = /^\d{1,3},\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2},[^,]*,[A-Z][A-Z_-]*(?:,|$)/;
// Without a program name in the header, the dispatcher leaves the device name in the message.
const HOST_PREFIX = /^([^\s,]+) /;
const EMBEDDED = /(?:^|[\s>])(\d{1,3},\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2},[^,]*,[A-Z][A-Z_-]*(?:,|$))/;

const THREAT_SEVERITY: Record<string, number> = { critical: 1, high: 2, medium: 3, low: 4, informational: 5 };
const DENY_ACTIONS = /^(?:deny|drop|drop-icmp|drop-all-packets|reset-client|reset-server|reset-both|block|block-url|block-continue|block-override|sinkhole)$/;
const ALLOW_ACTIONS = /^(?:allow|alert|continue|override)$/;

/** Palo Alto Networks PAN-OS CSV syslog records (TRAFFIC, THREAT, SYSTEM, CONFIG and others). */
export const paloAltoMessageParser: FormatParser = {
  format: 'paloalto',
  matches(text: string): boolean {
    // Every record is CSV: a message without a comma is not one, wherever it would start.
    if (!text.includes(',')) return false;
    if (RECORD.test(text)) return true;
    const host = HOST_PREFIX.exec(text);
    return host !== null && RECORD.test(text.slice(host[0].length));
  },
  parse(text: string, context: ParseContext): FormatResult {
    if (RECORD.test(text)) return parsePanos(text, context);
    const host = HOST_PREFIX.exec(text);
    if (!host) return formatError('no PAN-OS CSV record');
    const result = parsePanos(text.slice(host[0].length), context);
    return result.ok ? formatOk(Object.assign({}, result.fields, { host: { name: host[1] } })) : result;
  },
};

/** PAN-OS records with no syslog header, or one the dispatcher cannot read (e.g. day `00`). */
export const paloAltoLineParser: FormatParser = embeddedLineParser(
  'paloalto',
  paloAltoMessageParser,
  (line) => {
    if (!line.includes(',')) return undefined;
    const match = EMBEDDED.exec(line);
    return match ? match.index + match[0].length - match[1]!.length : undefined;
  },
  (body, prefix, context) => {
    const result = parsePanos(body, context);
    const host = /\d{2}:\d{2}:\d{2} (\S+) $/.exec(prefix);
    return result.ok && host ? formatOk(Object.assign({}, result.fields, { host: { name: host[1] } })) : result;
  },
);

export function parsePanos(text: string, context: ParseContext): FormatResult {
  const f = splitCsv(text.trim());
  if (!f) return formatError('unterminated quoted CSV field');
  const type = f[3] ?? '';
  const fields: EventFields = {
    observer: compact({ vendor: 'Palo Alto Networks', product: 'PAN-OS', type: 'firewall', serial_number: value(f[2]) }),
    event: { kind: 'event', dataset: 'panw.panos', module: 'panw', category: ['network'], type: ['info'] },
  };
  const timestamp = panosTime(f[6], context) ?? panosTime(f[1], context);
  if (timestamp) fields['@timestamp'] = timestamp;
  const specific = type === 'TRAFFIC' || type === 'THREAT' ? sessionFields(type, f) : type === 'SYSTEM' ? systemFields(f) : type === 'CONFIG' ? configFields(f) : {};
  // Objects are merged with Object.assign, not spread literals (see plain-object.ts); all keys are fixed.
  const event: Event = Object.assign({}, fields.event, specific.event);
  const vendor = { type, subtype: f[4] ?? '', ...specific.vendor?.panw, fields: f };
  return formatOk(Object.assign({}, fields, specific, { event, observer: Object.assign({}, fields.observer, specific.observer), vendor: { panw: vendor } }));
}

function value(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed === undefined || trimmed === '' || trimmed === 'N/A' ? undefined : trimmed;
}

/** `2021/07/12 09:46:23` in the firewall's zone (PAN-OS writes local time without an offset). */
function panosTime(text: string | undefined, context: ParseContext): string | undefined {
  const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text ?? '');
  if (!m) return undefined;
  const local = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]), millisecond: 0 };
  if (local.month < 1 || local.month > 12 || local.day < 1 || local.day > 31 || local.hour > 23 || local.minute > 59 || local.second > 60) return undefined;
  const instant = localToInstant(local, context.timeZone);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}

function sessionFields(type: 'TRAFFIC' | 'THREAT', f: string[]): EventFields {
  const action = value(f[30]);
  const subtype = value(f[4]);
  const sourceIp = ipOf(f[7]);
  const destinationIp = ipOf(f[8]);
  const isTraffic = type === 'TRAFFIC';
  const fields: EventFields = {
    event: Object.assign({}, action ? { action } : {}, eventOf(type, subtype, action, f)),
    network: compact({
      type: ipVersionOf(sourceIp ?? destinationIp),
      transport: transportOfName(value(f[29])),
      bytes: isTraffic ? intOf(f[31]) : undefined,
      packets: isTraffic ? intOf(f[34]) : undefined,
    }),
    observer: compact({
      ingress: value(f[18]) ? { interface: { name: f[18]! } } : undefined,
      egress: value(f[19]) ? { interface: { name: f[19]! } } : undefined,
    }),
  };
  const source = endpoint({
    ip: sourceIp,
    port: portOf(f[24]),
    bytes: isTraffic ? intOf(f[32]) : undefined,
    packets: isTraffic ? intOf(f[44]) : undefined,
    nat: { ip: nat(ipOf(f[9])), port: nat(portOf(f[26])) },
  });
  const destination = endpoint({
    ip: destinationIp,
    port: portOf(f[25]),
    bytes: isTraffic ? intOf(f[33]) : undefined,
    packets: isTraffic ? intOf(f[45]) : undefined,
    nat: { ip: nat(ipOf(f[10])), port: nat(portOf(f[27])) },
  });
  if (source) fields.source = source;
  if (destination) fields.destination = destination;
  const user = value(f[12]);
  if (user) fields.user = { name: user };
  const rule = compact({ name: value(f[11]), category: isTraffic ? undefined : value(f[33]) });
  if (rule) fields.rule = rule;
  if (!isTraffic) {
    const url = value(f[31]);
    if (url && (subtype === 'url' || subtype === 'file' || subtype === 'wildfire')) fields.url = { original: url };
    fields.vendor = { panw: threatOf(f) };
  }
  const app = value(f[14]);
  if (app && app !== 'not-applicable' && fields.network) fields.network.protocol = app;
  return fields;
}

/** THREAT's `Name(id)` column and its neighbours, which ECS has no place for here. */
function threatOf(f: string[]): Record<string, string> {
  const named = /^(.*)\((\d+)\)$/.exec(f[32] ?? '');
  return nonEmpty({
    threat_name: named ? named[1]!.trim() : f[32],
    threat_id: named?.[2],
    threat_category: f[33],
    threat_severity: f[34],
    direction: f[35],
    misc: f[31],
  });
}

/** PAN-OS writes 0.0.0.0 and port 0 when no translation happened. */
function nat<T extends string | number>(v: T | undefined): T | undefined {
  return v === '0.0.0.0' || v === '::' || v === 0 ? undefined : v;
}

function eventOf(type: 'TRAFFIC' | 'THREAT', subtype: string | undefined, action: string | undefined, f: string[]): Partial<Event> {
  const verdict = action === undefined ? [] : DENY_ACTIONS.test(action) ? ['denied'] : ALLOW_ACTIONS.test(action) ? ['allowed'] : [];
  const outcome = verdict[0] === 'denied' ? ('failure' as const) : verdict[0] === 'allowed' ? ('success' as const) : undefined;
  if (type === 'TRAFFIC') {
    const phase = subtype === 'start' ? ['start'] : subtype === 'end' ? ['end'] : [];
    return compact({ category: ['network'], type: ['connection', ...phase, ...verdict], outcome }) ?? {};
  }
  const severity = THREAT_SEVERITY[value(f[34])?.toLowerCase() ?? ''];
  const category = subtype === 'virus' || subtype === 'wildfire' ? ['network', 'malware'] : subtype === 'url' ? ['network', 'web'] : ['network', 'intrusion_detection'];
  return compact({ kind: 'alert' as const, category, type: ['info', ...verdict], outcome, severity }) ?? {};
}

function systemFields(f: string[]): EventFields {
  const severity = value(f[13])?.toLowerCase();
  const description = value(f[14]);
  return {
    event: compact({ category: ['host'], type: ['info'], action: value(f[8]), severity: severity === undefined ? undefined : THREAT_SEVERITY[severity] }),
    ...(description ? { message: description } : {}),
  };
}

function configFields(f: string[]): EventFields {
  const admin = value(f[10]);
  const result = value(f[12])?.toLowerCase();
  return {
    event: compact({
      category: ['configuration'],
      type: ['change'],
      action: value(f[9]),
      outcome: result === 'succeeded' ? ('success' as const) : result === 'failed' ? ('failure' as const) : undefined,
    }),
    ...(admin ? { user: { name: admin } } : {}),
  };
}
