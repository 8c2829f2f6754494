import { EventFields, FormatParser, formatError, formatOk, FormatResult, ParseContext } from '../format-parser';
import { instantWithoutYear } from '../time/zoned-time';
import { embeddedLineParser } from './embedded';
import { compact, endpoint, intOf, ipOf, ipVersionOf, portOf, transportOfName } from './net';

// `%FACILITY-SEVERITY-MNEMONIC:`; the ASA family (numeric mnemonics) has its own parser.
const MARKER = /%(?!(?:ASA|FTD|PIX|FWSM)-)([A-Z][A-Z0-9_]{1,30})-([0-7])-([A-Z][A-Z0-9_]{1,40}):\s*/;
const MARKER_AS_APP = /^%(?!(?:ASA|FTD|PIX|FWSM)-)([A-Z][A-Z0-9_]{1,30})-([0-7])-([A-Z][A-Z0-9_]{1,40})$/;
// IOS `service timestamps` form just before the message id: `*Oct  6 03:32:04.114 gmt: `.
const DEVICE_STAMP = /\*?([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(?: ([A-Za-z]{2,5}))?: ?$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SEVERITY_NAMES = ['emergency', 'alert', 'critical', 'error', 'warning', 'notification', 'informational', 'debugging'];

/** Cisco IOS `%FACILITY-SEVERITY-MNEMONIC:` messages; access-list, IPS signature and SSH login messages are read. */
export const ciscoIosMessageParser: FormatParser = {
  format: 'cisco-ios',
  matches: (text: string, app?: string) => (app !== undefined && MARKER_AS_APP.test(app)) || (text.startsWith('%') && MARKER.exec(text)?.index === 0),
  parse(text: string, context: ParseContext): FormatResult {
    const fromApp = context.app === undefined ? null : MARKER_AS_APP.exec(context.app);
    if (fromApp) return formatOk(iosFields(fromApp[1]!, fromApp[2]!, fromApp[3]!, text.trim()));
    return parseIos(text, '', context);
  },
};

/** IOS lines the dispatcher cannot read: sequence numbers, uptime or `*`-marked clocks before the message id. */
export const ciscoIosLineParser: FormatParser = embeddedLineParser(
  'cisco-ios',
  ciscoIosMessageParser,
  (line) => {
    if (!line.includes('%')) return undefined;
    const match = MARKER.exec(line);
    return match && (match.index === 0 || /[\s:]$/.test(line.slice(0, match.index))) ? match.index : undefined;
  },
  (body, prefix, context) => parseIos(body, prefix, context),
);

function parseIos(body: string, prefix: string, context: ParseContext): FormatResult {
  const marker = MARKER.exec(body);
  if (marker?.index !== 0) return formatError('no %FACILITY-SEVERITY-MNEMONIC message id');
  const fields = iosFields(marker[1]!, marker[2]!, marker[3]!, body.slice(marker[0].length).trim());
  const stamp = deviceTimestamp(prefix, context);
  if (stamp) fields['@timestamp'] = stamp;
  return formatOk(fields);
}

function iosFields(facility: string, severityDigit: string, mnemonic: string, message: string): EventFields {
  const severity = Number(severityDigit);
  const known = readIosMessage(facility, mnemonic, message) ?? {};
  // `{ ...known, message, … }` built with Object.assign (see plain-object.ts); known's keys are fixed.
  return Object.assign({}, known, {
    message,
    event: { kind: 'event' as const, ...known.event, dataset: 'cisco_ios.log', module: 'cisco_ios', code: `${facility}-${mnemonic}`, severity },
    observer: { vendor: 'Cisco', product: 'IOS', ...known.observer },
    vendor: { cisco: { facility, mnemonic, severity_name: SEVERITY_NAMES[severity]! } },
  });
}

function readIosMessage(facility: string, mnemonic: string, message: string): EventFields | undefined {
  if (facility === 'SEC' && mnemonic.startsWith('IPACCESSLOG')) return accessList(message);
  if (facility === 'IPS' && mnemonic === 'SIGNATURE') return ipsSignature(message);
  if (facility === 'SSH' && mnemonic === 'SSH2_USERAUTH') return sshLogin(message);
  return undefined;
}

function accessList(message: string): EventFields | undefined {
  const m = /^list (\S+) (denied|permitted) (\w+) ([\w.:]+)(?:\((\d+)\))?(?: \(([^)]*)\))? -> ([\w.:]+)(?:\((\d+)\))?(?: \([^)]*\))?, (\d+) packets?/.exec(message);
  if (!m) return undefined;
  const denied = m[2] === 'denied';
  const fields: EventFields = {
    event: { category: ['network'], type: ['connection', denied ? 'denied' : 'allowed'], action: m[2]!, outcome: denied ? 'failure' : 'success' },
    rule: { name: m[1]! },
    network: compact({ transport: transportOfName(m[3]), type: ipVersionOf(ipOf(m[4])), packets: intOf(m[9]) }),
  };
  const source = endpoint({ ip: ipOf(m[4]), port: portOf(m[5]) });
  const destination = endpoint({ ip: ipOf(m[7]), port: portOf(m[8]) });
  if (source) fields.source = source;
  if (destination) fields.destination = destination;
  const ingress = m[6]?.split(' ')[0];
  if (ingress) fields.observer = { ingress: { interface: { name: ingress } } };
  return fields;
}

function ipsSignature(message: string): EventFields | undefined {
  const m = /^Sig:(\d+) Subsig:(\d+) Sev:(\d+) (.*?) \[([\d.]+):(\d+) -> ([\d.]+):(\d+)\]/.exec(message);
  if (!m) return undefined;
  const fields: EventFields = {
    event: { kind: 'alert', category: ['network', 'intrusion_detection'], type: ['info'], action: 'signature-match' },
    rule: { id: `${m[1]}/${m[2]}`, name: m[4]! },
  };
  const source = endpoint({ ip: ipOf(m[5]), port: portOf(m[6]) });
  const destination = endpoint({ ip: ipOf(m[7]), port: portOf(m[8]) });
  if (source) fields.source = source;
  if (destination) fields.destination = destination;
  return fields;
}

function sshLogin(message: string): EventFields | undefined {
  const m = /^User '([^']*)' authentication for SSH2 Session from (\S+) .*? (Succeeded|Failed)$/.exec(message);
  if (!m) return undefined;
  const ok = m[3] === 'Succeeded';
  const source = endpoint({ ip: ipOf(m[2]) });
  return {
    event: { category: ['authentication'], type: ['start'], action: 'ssh-login', outcome: ok ? 'success' : 'failure' },
    user: { name: m[1]! },
    ...(source ? { source } : {}),
  };
}

function deviceTimestamp(prefix: string, context: ParseContext): string | undefined {
  const m = DEVICE_STAMP.exec(prefix);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[1]!) + 1;
  const local = { month, day: Number(m[2]), hour: Number(m[3]), minute: Number(m[4]), second: Number(m[5]), millisecond: Number((m[6] ?? '0').padEnd(3, '0')) };
  if (month === 0 || local.day < 1 || local.day > 31 || local.hour > 23 || local.minute > 59 || local.second > 60) return undefined;
  // Only UTC-like zone names are unambiguous; others (AEST, mng) fall back to the source's zone.
  const zone = /^(?:utc|gmt)$/i.test(m[7] ?? '') ? 'UTC' : context.timeZone;
  const instant = instantWithoutYear(local, zone, context.receivedAt);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}
