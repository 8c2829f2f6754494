import { EventFields } from '../../format-parser';
import { Endpoint } from '../../security-event';
import { JsonObject, count, num, obj, str } from '../shared/json-value';
import { ipOrUndefined, port } from '../shared/network';

/**
 * The ECS-named parts of an arbitrary JSON record that we can trust: only fields our event type
 * has, each checked for its type (addresses must parse); anything else stays in `vendor.json`.
 * Keys are read nested (`{"source":{"ip":…}}`) or dotted (`{"source.ip":…}`).
 */
export function ecsSubset(record: JsonObject): EventFields {
  const fields: EventFields = {};
  const source = endpointAt(record, 'source');
  const destination = endpointAt(record, 'destination');
  if (source) fields.source = source;
  if (destination) fields.destination = destination;

  const user = compact({ name: str(at(record, 'user', 'name')), domain: str(at(record, 'user', 'domain')), id: str(at(record, 'user', 'id')) });
  if (user) fields.user = user;

  const hostIps = at(record, 'host', 'ip');
  const ips = (Array.isArray(hostIps) ? hostIps : [hostIps]).map(ipOrUndefined).filter((ip): ip is string => ip !== undefined);
  const host = compact({ name: str(at(record, 'host', 'name')), hostname: str(at(record, 'host', 'hostname')), ip: ips.length > 0 ? ips : undefined });
  if (host) fields.host = host;

  const outcome = at(record, 'event', 'outcome');
  const severity = num(at(record, 'event', 'severity'));
  const kind = at(record, 'event', 'kind');
  const event = compact({
    kind: isKind(kind) ? kind : undefined,
    action: str(at(record, 'event', 'action')),
    category: lowercaseWords(at(record, 'event', 'category')),
    type: lowercaseWords(at(record, 'event', 'type')),
    outcome: isOutcome(outcome) ? outcome : undefined,
    severity: severity !== undefined && Number.isInteger(severity) ? severity : undefined,
    code: str(at(record, 'event', 'code')) ?? (Number.isInteger(at(record, 'event', 'code')) ? String(at(record, 'event', 'code')) : undefined),
    provider: str(at(record, 'event', 'provider')),
  });
  if (event) fields.event = event;

  const level = str(at(record, 'log', 'level')) ?? str(record.level);
  if (level !== undefined) fields.log = { level };
  return fields;
}

function endpointAt(record: JsonObject, name: string): Endpoint | undefined {
  return compact({
    ip: ipOrUndefined(at(record, name, 'ip')),
    port: port(at(record, name, 'port')),
    address: str(at(record, name, 'address')),
    domain: str(at(record, name, 'domain')),
    mac: str(at(record, name, 'mac')),
    bytes: count(at(record, name, 'bytes')),
    packets: count(at(record, name, 'packets')),
  });
}

function at(record: JsonObject, parent: string, child: string): unknown {
  const nested = obj(record[parent]);
  return nested !== undefined && child in nested ? nested[child] : record[`${parent}.${child}`];
}

function isKind(value: unknown): value is 'event' | 'alert' {
  return value === 'event' || value === 'alert';
}

function isOutcome(value: unknown): value is 'success' | 'failure' | 'unknown' {
  return value === 'success' || value === 'failure' || value === 'unknown';
}

/** ECS categorization values are lowercase keywords, one or an array. */
function lowercaseWords(value: unknown): string[] | undefined {
  const list = Array.isArray(value) ? value : [value];
  const words = list.filter((v): v is string => typeof v === 'string' && /^[a-z_]{1,32}$/.test(v));
  return words.length > 0 && words.length === list.length ? words : undefined;
}

/** The object without its undefined members; undefined when nothing is left. */
function compact<T extends object>(value: T): T | undefined {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as T) : undefined;
}
