import { EventFields, FormatParser, FormatResult, ParseContext, formatError, formatOk } from '../../format-parser';
import { looksLikeJsonObject, num, obj, parseJsonObject, str } from '../shared/json-value';
import { endpoint, transport } from '../shared/network';
import { epochToIso, isoToIso } from '../shared/timestamps';
import { applyLogFields, secondsToNanos, services } from './zeek-logs';
import { zeekPath } from './zeek-path';

const ORIG_HOST = /"id\.orig_h"\s*:/;
const PATH = /"_path"\s*:/;

const CLASSES: Readonly<Record<string, Pick<NonNullable<EventFields['event']>, 'category' | 'type'>>> = {
  conn: { category: ['network'], type: ['connection'] },
  http: { category: ['network', 'web'], type: ['access', 'protocol'] },
  files: { category: ['file'], type: ['info'] },
};

/** Zeek (Bro) JSON logs, flat (`id.orig_h`) or nested (`id: {orig_h}`); the record is kept under `vendor.zeek`. */
export const zeekParser: FormatParser = {
  format: 'zeek',
  matches: (text: string) => looksLikeJsonObject(text) && (ORIG_HOST.test(text) || PATH.test(text)),
  parse(text: string, context: ParseContext): FormatResult {
    const parsed = parseJsonObject(text);
    if (!parsed.ok) return formatError(parsed.reason);
    const record = parsed.value;
    const timestamp = readTs(record.ts, context.timeZone);
    if (timestamp === undefined) return formatError(`invalid ts ${JSON.stringify(record.ts) ?? 'missing'}`);
    const path = zeekPath(record);

    const fields: EventFields = {
      '@timestamp': timestamp,
      event: { kind: 'event', ...(CLASSES[path ?? ''] ?? { category: ['network'], type: ['protocol'] }), dataset: path === undefined ? 'zeek' : `zeek.${path}`, module: 'zeek' },
      observer: { product: 'Zeek', type: 'ids' },
    };
    const id = obj(record.id);
    // notice.log names the endpoints src/dst/p when it has no connection.
    const source = endpoint(record['id.orig_h'] ?? id?.orig_h ?? record.src, record['id.orig_p'] ?? id?.orig_p);
    const destination = endpoint(record['id.resp_h'] ?? id?.resp_h ?? record.dst, record['id.resp_p'] ?? id?.resp_p ?? record.p);
    if (source) fields.source = source;
    if (destination) fields.destination = destination;
    const proto = transport(record.proto);
    const protocol = services(record.service) ?? (path !== undefined && PROTOCOL_LOGS.has(path) ? path : undefined);
    if (proto !== undefined || protocol !== undefined) {
      // Member by member, not with conditional spreads (see plain-object.ts).
      const network: NonNullable<EventFields['network']> = {};
      if (proto !== undefined) network.transport = proto;
      if (protocol !== undefined) network.protocol = protocol;
      fields.network = network;
    }
    const duration = secondsToNanos(record.duration);
    if (duration !== undefined) fields.event = Object.assign({}, fields.event, { duration });

    applyLogFields(path, record, fields);
    fields.vendor = { zeek: record };
    return formatOk(fields);
  },
};

const PROTOCOL_LOGS = new Set(['dns', 'http', 'ssl', 'ssh', 'ftp', 'smtp', 'dhcp', 'rdp', 'sip', 'snmp', 'smb_files', 'kerberos', 'ntlm', 'radius', 'mysql']);

function readTs(value: unknown, zone: string): string | undefined {
  const seconds = num(value);
  if (seconds !== undefined) return epochToIso(seconds);
  const text = str(value);
  return text === undefined ? undefined : isoToIso(text, zone);
}
