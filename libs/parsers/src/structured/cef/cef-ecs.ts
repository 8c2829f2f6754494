import { isIP } from 'node:net';
import { EventFields } from '../../format-parser';
import { Endpoint } from '../../security-event';
import { CefExtensions } from './cef-extensions';
import { CefRecord } from './cef-record';
import { cefSeverity } from './cef-severity';

const HASH_BY_LENGTH: Record<number, string> = { 32: 'md5', 40: 'sha1', 64: 'sha256', 128: 'sha512' };
const MAC = /^[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}$/;

/** ECS fields from a CEF record; every header field and extension is also kept under `vendor.cef`. */
export function cefToEcs(record: CefRecord, ext: CefExtensions): EventFields {
  const str = (name: string): string | undefined => {
    const value = ext[name];
    return value === undefined || value === '' ? undefined : String(value);
  };
  const num = (name: string): number | undefined => (typeof ext[name] === 'number' ? ext[name] : undefined);

  const severity = cefSeverity(record.severity);
  const fields: EventFields = {
    event: {
      dataset: 'cef',
      module: 'cef',
      code: record.signatureId,
      ...(severity === undefined ? {} : { severity }),
      ...(str('deviceAction') ? { action: str('deviceAction') } : {}),
      ...outcomeOf(str('eventOutcome') ?? str('categoryOutcome')),
      ...(num('baseEventCount') && num('baseEventCount')! > 1 ? { count: num('baseEventCount') } : {}),
    },
    observer: { vendor: record.deviceVendor, product: record.deviceProduct, ...(str('deviceHostName') ? { name: str('deviceHostName') } : {}) },
    // Name is the device's human-readable event or signature name (e.g. "SQL-INJ exec()"); `msg` is free text.
    message: str('message') ?? record.name,
    rule: { name: record.name, ...(str('deviceEventCategory') ? { category: str('deviceEventCategory') } : {}) },
  };

  const timestamp = str('deviceReceiptTime');
  if (timestamp && /^\d{4}-\d{2}-\d{2}T/.test(timestamp)) fields['@timestamp'] = timestamp;
  const source = endpoint(str('sourceAddress'), num('sourcePort'), str('sourceHostName'), str('sourceMacAddress'), num('bytesIn'));
  const sourceNat = endpoint(str('sourceTranslatedAddress'), num('sourceTranslatedPort'));
  // Objects that would open with a spread are built member by member (see plain-object.ts).
  if (source || sourceNat) fields.source = withNat(source, sourceNat);
  const destination = endpoint(str('destinationAddress'), num('destinationPort'), str('destinationHostName'), str('destinationMacAddress'), num('bytesOut'));
  const destinationNat = endpoint(str('destinationTranslatedAddress'), num('destinationTranslatedPort'));
  if (destination || destinationNat) fields.destination = withNat(destination, destinationNat);

  const userName = str('sourceUserName') ?? str('destinationUserName');
  if (userName) fields.user = { name: userName };
  const network: NonNullable<EventFields['network']> = {};
  if (str('transportProtocol')) network.transport = str('transportProtocol')!.toLowerCase();
  if (str('applicationProtocol')) network.protocol = str('applicationProtocol')!.toLowerCase();
  Object.assign(network, directionOf(num('deviceDirection')));
  if (Object.keys(network).length > 0) fields.network = network;
  const file = fileOf(str('filename'), str('filePath'), str('fileHash'));
  if (file) fields.file = file;
  if (str('requestUrl')) fields.url = { original: str('requestUrl') };
  if (str('requestMethod')) fields.http = { request: { method: str('requestMethod') } };
  if (str('requestClientApplication')) fields.user_agent = { original: str('requestClientApplication') };
  return fields;
}

/** `{ ...endpoint, nat: { ip, port } }`, the nat member only with a translated endpoint. */
function withNat(endpoint: Endpoint | undefined, nat: Endpoint | undefined): Endpoint {
  const result: Endpoint = Object.assign({}, endpoint);
  if (nat) result.nat = { ip: nat.ip, port: nat.port };
  return result;
}

function endpoint(address?: string, port?: number, host?: string, mac?: string, bytes?: number): Endpoint | undefined {
  const result: Endpoint = {};
  if (address && isIP(address) !== 0) result.ip = address;
  if (port !== undefined && port > 0 && port < 65536) result.port = port;
  if (host) result.domain = host;
  if (mac && MAC.test(mac)) result.mac = mac.toUpperCase().replace(/:/g, '-');
  if (bytes !== undefined && bytes >= 0) result.bytes = bytes;
  return Object.keys(result).length > 0 ? result : undefined;
}

function outcomeOf(written: string | undefined): { outcome?: 'success' | 'failure' } {
  const text = written?.replace(/^\//, '').toLowerCase();
  if (text === 'success') return { outcome: 'success' };
  if (text === 'failure' || text === 'fail') return { outcome: 'failure' };
  return {};
}

// CEF deviceDirection: 0 inbound, 1 outbound.
function directionOf(direction: number | undefined): { direction?: string } {
  if (direction === 0) return { direction: 'inbound' };
  if (direction === 1) return { direction: 'outbound' };
  return {};
}

function fileOf(name?: string, path?: string, hash?: string): EventFields['file'] {
  const algorithm = hash && /^[0-9a-fA-F]+$/.test(hash) ? HASH_BY_LENGTH[hash.length] : undefined;
  const file: NonNullable<EventFields['file']> = {};
  if (name) file.name = name;
  if (path) file.path = path;
  if (algorithm && hash) file.hash = { [algorithm]: hash.toLowerCase() };
  return Object.keys(file).length > 0 ? file : undefined;
}
