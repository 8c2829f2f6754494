import { EventFields, FormatParser, FormatResult, ParseContext, formatError, formatOk } from '../../format-parser';
import { JsonObject, looksLikeJsonObject, obj, parseJsonObject, str } from '../shared/json-value';
import { copyMembers } from '../../plain-object';
import { endpoint, transport } from '../shared/network';
import { isoToIso } from '../shared/timestamps';
import { alertFields, dnsFields, fileFields, flowFields, httpFields, tlsFields } from './eve-sections';

const EVENT_TYPE = /"event_type"\s*:/;
const TIMESTAMP = /"timestamp"\s*:/;
const FLOW_ID = /"flow_id"\s*:\s*(\d{1,20})/;
// event_type and timestamp alone are common words; EVE also names the flow, the addresses or (stats) its counters.
const EVE_KEY = /"(?:flow_id|src_ip|in_iface|stats)"\s*:/;
const APP_LAYER = new Set(['http', 'dns', 'tls', 'ssh', 'smb', 'ftp', 'ftp_data', 'smtp', 'dhcp', 'krb5', 'nfs', 'rdp', 'sip', 'snmp', 'mqtt', 'quic', 'http2', 'ike', 'dnp3', 'modbus', 'tftp']);

/** Suricata EVE JSON, one event per line; the whole record is kept under `vendor.suricata`. */
export const suricataParser: FormatParser = {
  format: 'suricata',
  matches: (text: string) => looksLikeJsonObject(text) && EVENT_TYPE.test(text) && TIMESTAMP.test(text) && EVE_KEY.test(text),
  parse(text: string, context: ParseContext): FormatResult {
    const parsed = parseJsonObject(text);
    if (!parsed.ok) return formatError(parsed.reason);
    const record = parsed.value;
    const eventType = str(record.event_type);
    if (eventType === undefined) return formatError('event_type is not a string');
    const timestamp = isoToIso(str(record.timestamp) ?? '', context.timeZone);
    if (timestamp === undefined) return formatError(`invalid timestamp ${JSON.stringify(record.timestamp)}`);

    const fields: EventFields = {
      '@timestamp': timestamp,
      event: { kind: 'event', ...classify(eventType), dataset: 'suricata.eve', module: 'suricata' },
      observer: { vendor: 'OISF', product: 'Suricata', type: 'ids', ...ingress(record) },
    };
    const source = endpoint(record.src_ip, record.src_port);
    const destination = endpoint(record.dest_ip, record.dest_port);
    if (source) fields.source = source;
    if (destination) fields.destination = destination;
    const network = networkFields(record, eventType);
    if (network) fields.network = network;

    const sections: [string, (section: JsonObject, fields: EventFields) => void][] = [
      ['http', httpFields],
      ['dns', dnsFields],
      ['tls', tlsFields],
      ['fileinfo', fileFields],
      ['flow', flowFields],
      ['alert', alertFields],
    ];
    for (const [key, apply] of sections) {
      const section = obj(record[key]);
      if (section) apply(section, fields);
    }
    fields.vendor = { suricata: withExactFlowId(record, text) };
    return formatOk(fields);
  },
};

function classify(eventType: string): Pick<NonNullable<EventFields['event']>, 'category' | 'type'> {
  if (eventType === 'stats') return { type: ['info'] };
  if (eventType === 'flow' || eventType === 'netflow') return { category: ['network'], type: ['connection', 'end'] };
  if (eventType === 'fileinfo') return { category: ['network', 'file'], type: ['info'] };
  if (eventType === 'http') return { category: ['network', 'web'], type: ['access', 'protocol'] };
  if (APP_LAYER.has(eventType)) return { category: ['network'], type: ['protocol'] };
  return { category: ['network'], type: ['info'] };
}

function ingress(record: JsonObject): Pick<NonNullable<EventFields['observer']>, 'ingress'> {
  const name = str(record.in_iface);
  return name === undefined ? {} : { ingress: { interface: { name } } };
}

function networkFields(record: JsonObject, eventType: string): EventFields['network'] {
  const proto = transport(record.proto);
  const app = str(record.app_proto)?.toLowerCase();
  // `failed` and `unknown` mean detection found no app protocol.
  const protocol = app !== undefined && app !== 'failed' && app !== 'unknown' ? app : APP_LAYER.has(eventType) ? eventType : undefined;
  if (proto === undefined && protocol === undefined) return undefined;
  const network: NonNullable<EventFields['network']> = {};
  if (proto !== undefined) network.transport = proto;
  if (protocol !== undefined) network.protocol = protocol;
  return network;
}

/** Flow ids are 64-bit: past 2^53 JSON numbers lose digits, so the digits as written are kept instead. */
function withExactFlowId(record: JsonObject, text: string): JsonObject {
  if (typeof record.flow_id !== 'number' || Number.isSafeInteger(record.flow_id)) return record;
  const digits = FLOW_ID.exec(text)?.[1];
  if (digits === undefined) return record;
  // `{ ...record, flow_id: digits }`, member by member (see plain-object.ts); the keys are the sender's.
  const exact: JsonObject = copyMembers({}, record);
  exact.flow_id = digits;
  return exact;
}
