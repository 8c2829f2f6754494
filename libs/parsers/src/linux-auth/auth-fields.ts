import { Endpoint } from '../security-event';
import { EventFields } from '../format-parser';
import { withoutEmpty } from '../plain-object';
import { ipVersion } from '../text/ip-version';

/** Vendor fields of this format live under `vendor['linux-auth']`, grouped by program as Elastic's `system.auth.*` does. */
export const VENDOR_KEY = 'linux-auth';

/**
 * `fields` with `values` (those not empty) under `vendor['linux-auth'][group]`. Every caller passes fields it
 * has just built, so they are changed in place rather than copied: the result has the same members in the
 * same order as `{ ...fields, vendor: { ...fields.vendor, [VENDOR_KEY]: { ...mine, [group]: present } } }`,
 * one object fewer per auth event. The vendor objects are still copies: they may have come from elsewhere.
 */
export function withVendor(fields: EventFields, group: string, values: Record<string, unknown>): EventFields {
  const present = withoutEmpty(values);
  return isEmpty(present) ? fields : underVendor(fields, group, present);
}

/** {@link withVendor} for `present` that the caller built with no empty member and at least one (nothing to filter). */
export function underVendor(fields: EventFields, group: string, present: Record<string, unknown>): EventFields {
  const given = fields.vendor;
  const mine: Record<string, unknown> = given === undefined ? {} : Object.assign({}, given[VENDOR_KEY]);
  mine[group] = present;
  const vendor: Record<string, Record<string, unknown>> = given === undefined ? {} : Object.assign({}, given);
  vendor[VENDOR_KEY] = mine;
  fields.vendor = vendor;
  return fields;
}

/** Whether `value` has no own member (without making the list of its keys). */
function isEmpty(value: object): boolean {
  for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key)) return false;
  return true;
}

/** A remote host as logged: an address goes to `ip`, a name to `domain`. */
export function remoteEndpoint(host: string | undefined, port?: string): Endpoint | undefined {
  if (host === undefined || host === '') return undefined;
  const endpoint: Endpoint = ipVersion(host) === 0 ? { address: host, domain: host } : { address: host, ip: host };
  const number = port === undefined ? 0 : Number(port);
  if (number > 0 && number < 65536) endpoint.port = number;
  return endpoint;
}

/** `user` acted as `effective` (sudo, su, `session opened for user root by alice`). */
export function actingUser(name: string | undefined, effective: string | undefined): EventFields['user'] {
  if (!name) return effective ? { name: effective } : undefined;
  return effective ? { name, effective: { name: effective } } : { name };
}
