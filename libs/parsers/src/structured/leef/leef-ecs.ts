import { isIP } from 'node:net';
import { EventFields } from '../../format-parser';
import { Endpoint } from '../../security-event';
import { LeefRecord } from './leef-record';

// IANA protocol numbers some senders put in `proto`.
const TRANSPORTS: Record<string, string> = { '1': 'icmp', '6': 'tcp', '17': 'udp', '58': 'ipv6-icmp' };

/** ECS fields from a LEEF record's header and predefined attributes; `timestamp` is the parsed devTime. */
export function leefToEcs(record: LeefRecord, attributes: Record<string, string>, timestamp: Date | undefined): EventFields {
  const get = (key: string): string | undefined => (Object.hasOwn(attributes, key) && attributes[key] !== '' ? attributes[key] : undefined);
  const severity = get('sev') === undefined ? NaN : Number(get('sev'));
  const fields: EventFields = {
    event: {
      dataset: 'leef',
      module: 'leef',
      code: record.eventId,
      ...(Number.isInteger(severity) && severity >= 0 && severity <= 10 ? { severity } : {}),
    },
    observer: { vendor: record.vendor, product: record.product },
  };
  if (timestamp) fields['@timestamp'] = timestamp.toISOString();
  const source = endpoint(get('src'), get('srcPort'), get('srcBytes'), get('srcPackets'), get('srcMAC'));
  if (source) fields.source = source;
  const destination = endpoint(get('dst'), get('dstPort'), get('dstBytes'), get('dstPackets'), get('dstMAC'));
  if (destination) fields.destination = destination;
  if (get('usrName')) fields.user = { name: get('usrName'), ...(get('domain') ? { domain: get('domain') } : {}) };
  const proto = get('proto')?.toLowerCase();
  if (proto) fields.network = Object.hasOwn(TRANSPORTS, proto) ? { transport: TRANSPORTS[proto], iana_number: proto } : { transport: proto };
  if (get('cat')) fields.rule = { category: get('cat') };
  if (get('identHostName')) fields.host = { name: get('identHostName') };
  return fields;
}

function endpoint(ip?: string, port?: string, bytes?: string, packets?: string, mac?: string): Endpoint | undefined {
  const result: Endpoint = {};
  if (ip && isIP(ip) !== 0) result.ip = ip;
  const portNumber = Number(port);
  if (port && Number.isInteger(portNumber) && portNumber > 0 && portNumber < 65536) result.port = portNumber;
  if (bytes && /^\d{1,15}$/.test(bytes)) result.bytes = Number(bytes);
  if (packets && /^\d{1,15}$/.test(packets)) result.packets = Number(packets);
  if (mac && /^[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}$/.test(mac)) result.mac = mac.toUpperCase().replace(/:/g, '-');
  return Object.keys(result).length > 0 ? result : undefined;
}
