import { isIP } from 'node:net';
import { EventFields } from '../../format-parser';
import { isHostName } from '../shared/network';
import { urlFields } from '../shared/url';
import { WebProduct } from '../shared/web-product';
import { AccessRecord } from './access-line';
import { parseRequestLine } from './request-line';

/** ECS fields of one access log record. */
export function accessFields(record: AccessRecord, product: WebProduct): EventFields {
  // Every object here is built member by member, not with spread literals (see plain-object.ts).
  const response: { status_code: number; bytes?: number } = { status_code: record.status };
  if (record.bytes !== undefined) response.bytes = record.bytes;
  const http: NonNullable<EventFields['http']> = { response };
  const fields: EventFields = {
    '@timestamp': record.timestamp,
    event: {
      kind: 'event',
      category: ['web'],
      type: ['access'],
      outcome: record.status < 400 ? 'success' : 'failure',
      dataset: `${product}.access`,
      module: product,
    },
    http,
  };

  if (isIP(record.client) !== 0) fields.source = { address: record.client, ip: record.client };
  else if (isHostName(record.client)) fields.source = { address: record.client, domain: record.client };
  if (record.user !== undefined) fields.user = { name: record.user };

  const request = parseRequestLine(record.request);
  if (request) {
    http.request = { method: request.method };
    if (request.version !== undefined) http.version = request.version;
    fields.url = urlFields(request.target, request.method);
  }
  if (record.referrer !== undefined) {
    if (http.request) http.request.referrer = record.referrer;
    else http.request = { referrer: record.referrer };
  }
  if (record.userAgent !== undefined) fields.user_agent = { original: record.userAgent };

  const vendor: Record<string, unknown> = {};
  if (record.vhost !== undefined) vendor.vhost = record.vhost;
  if (record.ident !== undefined) vendor.ident = record.ident;
  if (record.forwardedFor !== undefined) vendor.forwarded_for = record.forwardedFor;
  // A request line that is not `METHOD target HTTP/x` (TLS handshakes, scanner junk) is kept as logged.
  if (!(request || record.request === '-' || record.request === '')) vendor.request = record.request;
  if (record.extra !== undefined) vendor.extra = record.extra;
  if (Object.keys(vendor).length > 0) fields.vendor = { [product]: vendor };
  return fields;
}
