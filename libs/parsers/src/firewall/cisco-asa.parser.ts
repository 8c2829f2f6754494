import { EventFields, FormatParser, formatError, formatOk, FormatResult, ParseContext } from '../format-parser';
import { localToInstant } from '../time/zoned-time';
import { readAsaMessage } from './cisco-asa-messages';
import { embeddedLineParser } from './embedded';

const MARKER = /%(ASA|FTD|PIX|FWSM)-([0-7])-(\d{6}):?\s*/;
// `<166>Nov 30 16:40:01 asa01 : %ASA-…`: the colon after the host hides the host from the dispatcher.
const HOST_BEFORE_MARKER = /^([A-Za-z0-9][\w.-]*) ?: (?=%(?:ASA|FTD|PIX|FWSM)-)/;
// With a host but no program, the dispatcher reads the message id as the syslog tag: app `%ASA-6-302013`.
const MARKER_AS_APP = /^%(ASA|FTD|PIX|FWSM)-([0-7])-(\d{6})$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// The ASA's own `logging timestamp` form, which carries a year: `Oct 03 2018 17:34:08`.
const DEVICE_STAMP = /([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{4}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?/;
const SEVERITY_NAMES = ['emergency', 'alert', 'critical', 'error', 'warning', 'notification', 'informational', 'debugging'];

/** Cisco ASA, FTD, PIX and FWSM `%ASA-<severity>-<id>:` syslog messages. */
export const ciscoAsaMessageParser: FormatParser = {
  format: 'cisco-asa',
  matches: (text: string, app?: string) =>
    (app !== undefined && MARKER_AS_APP.test(app)) || (text.includes('%') && (MARKER.exec(text)?.index === 0 || HOST_BEFORE_MARKER.test(text))),
  parse(text: string, context: ParseContext): FormatResult {
    const fromApp = context.app === undefined ? null : MARKER_AS_APP.exec(context.app);
    if (fromApp) return formatOk(asaFields(fromApp[1]!, fromApp[2]!, fromApp[3]!, text.trim()));
    const host = HOST_BEFORE_MARKER.exec(text);
    if (!host) return parseAsa(text, '', context);
    const result = parseAsa(text.slice(host[0].length), '', context);
    return result.ok ? formatOk(Object.assign({}, result.fields, { host: { name: host[1] } })) : result;
  },
};

/** ASA lines without a syslog header the dispatcher reads: bare `%ASA-…`, or the ASA's own timestamp with a year. */
export const ciscoAsaLineParser: FormatParser = embeddedLineParser(
  'cisco-asa',
  ciscoAsaMessageParser,
  (line) => (line.includes('%') ? MARKER.exec(line)?.index : undefined),
  (body, prefix, context) => parseAsa(body, prefix, context),
);

function parseAsa(body: string, prefix: string, context: ParseContext): FormatResult {
  const marker = MARKER.exec(body);
  if (marker?.index !== 0) return formatError('no %ASA-<severity>-<id> message id');
  const fields = asaFields(marker[1]!, marker[2]!, marker[3]!, body.slice(marker[0].length).trim());
  const stamp = deviceTimestamp(prefix, context);
  if (stamp) fields['@timestamp'] = stamp;
  const host = /(?:^|\s)([A-Za-z0-9][\w.-]*) ?:\s*$/.exec(prefix.replace(DEVICE_STAMP, ''));
  if (host && !/^\d+$/.test(host[1]!)) fields.host = { name: host[1] };
  return formatOk(fields);
}

function asaFields(product: string, severityDigit: string, id: string, message: string): EventFields {
  const severity = Number(severityDigit);
  const known = readAsaMessage(id, message) ?? {};
  const isFtd = product === 'FTD';
  // `{ ...known, message, … }` built with Object.assign (see plain-object.ts); known's keys are fixed.
  return Object.assign({}, known, {
    message,
    event: {
      kind: 'event',
      ...known.event,
      dataset: isFtd ? 'cisco_ftd.log' : 'cisco_asa.log',
      module: isFtd ? 'cisco_ftd' : 'cisco_asa',
      code: id,
      severity,
    },
    observer: { vendor: 'Cisco', product, type: 'firewall', ...known.observer },
    vendor: { cisco: Object.assign({}, known.vendor?.cisco, { message_id: id, severity_name: SEVERITY_NAMES[severity]! }) },
  });
}

function deviceTimestamp(prefix: string, context: ParseContext): string | undefined {
  const m = DEVICE_STAMP.exec(prefix);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[1]!) + 1;
  const local = { year: Number(m[3]), month, day: Number(m[2]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]), millisecond: Number((m[7] ?? '0').padEnd(3, '0')) };
  if (month === 0 || local.day < 1 || local.day > 31 || local.hour > 23 || local.minute > 59 || local.second > 60) return undefined;
  const instant = localToInstant(local, context.timeZone);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}
