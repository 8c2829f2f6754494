import { EventFields } from '../format-parser';
import { withoutUndefined } from '../plain-object';
import { Endpoint } from '../security-event';
import { EventData, ipAddress, port, text } from './event-data';

/** What one event id means in ECS terms, read from its EventData. Extra Windows facts go under `vendor.windows`. */
export type Semantics = (data: EventData) => EventFields;

type EventPart = NonNullable<EventFields['event']>;
type Outcome = NonNullable<EventPart['outcome']>;

export function meaning(action: string, category: string[], type: string[], outcome?: Outcome): EventPart {
  return { action, category, type, ...(outcome ? { outcome } : {}) };
}

/** An account from `<prefix>UserName`, `<prefix>DomainName` and `<prefix>UserSid` (or `<prefix>Sid`). */
export function account(data: EventData, prefix: 'Target' | 'Subject'): { name?: string; domain?: string; id?: string } | undefined {
  const name = text(data, `${prefix}UserName`);
  const domain = text(data, `${prefix}DomainName`);
  const id = text(data, `${prefix}UserSid`) ?? text(data, `${prefix}Sid`);
  if (name === undefined && id === undefined) return undefined;
  // Member by member, not `{ ...(name === undefined ? {} : { name }), … }` (see plain-object.ts).
  const found: { name?: string; domain?: string; id?: string } = {};
  if (name !== undefined) found.name = name;
  if (domain !== undefined) found.domain = domain;
  if (id !== undefined) found.id = id;
  return found;
}

/** Remote end of a logon: `IpAddress`/`IpPort`, with the workstation name as its domain. */
export function remoteEndpoint(data: EventData, ipKey = 'IpAddress', portKey = 'IpPort', hostKey?: string): Endpoint | undefined {
  const ip = ipAddress(data, ipKey);
  const remotePort = port(data, portKey);
  const domain = hostKey === undefined ? undefined : text(data, hostKey);
  if (ip === undefined && domain === undefined) return undefined;
  const remote: Endpoint = {};
  if (ip !== undefined) remote.ip = ip;
  if (ip !== undefined && remotePort !== undefined) remote.port = remotePort;
  if (domain !== undefined) remote.domain = domain;
  return remote;
}

/** Drops undefined members so events compare cleanly and serialize without noise. */
export function defined<T extends object>(value: T): T | undefined {
  return withoutUndefined(value);
}

/** Kerberos and NTLM status codes: 0x0 is success. */
export function statusOutcome(data: EventData, key = 'Status'): Outcome | undefined {
  const status = text(data, key);
  if (status === undefined) return undefined;
  return /^0x0+$/i.test(status) || status === '0' ? 'success' : 'failure';
}
