import { isIP } from 'node:net';
import { EventFields } from '../../format-parser';
import { isHostName } from '../shared/network';
import { urlFields } from '../shared/url';
import { WebProduct } from '../shared/web-product';
import { AccessRecord } from './access-line';
import { parseRequestLine } from './request-line';

/** ECS fields of one access log record. */
export function accessFields(record: AccessRecord, product: WebProduct): EventFields {
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
    http: { response: { status_code: record.status, ...(record.bytes === undefined ? {} : { bytes: record.bytes }) } },
  };

  if (isIP(record.client) !== 0) fields.source = { address: record.client, ip: record.client };
  else if (isHostName(record.client)) fields.source = { address: record.client, domain: record.client };
  if (record.user !== undefined) fields.user = { name: record.user };

  const request = parseRequestLine(record.request);
  if (request) {
    fields.http = { ...fields.http, request: { method: request.method }, ...(request.version === undefined ? {} : { version: request.version }) };
    fields.url = urlFields(request.target, request.method);
  }
  if (record.referrer !== undefined) fields.http = { ...fields.http, request: { ...fields.http?.request, referrer: record.referrer } };
  if (record.userAgent !== undefined) fields.user_agent = { original: record.userAgent };

  const vendor: Record<string, unknown> = {
    ...(record.vhost === undefined ? {} : { vhost: record.vhost }),
    ...(record.ident === undefined ? {} : { ident: record.ident }),
    ...(record.forwardedFor === undefined ? {} : { forwarded_for: record.forwardedFor }),
    // A request line that is not `METHOD target HTTP/x` (TLS handshakes, scanner junk) is kept as logged.
    ...(request || record.request === '-' || record.request === '' ? {} : { request: record.request }),
    ...(record.extra === undefined ? {} : { extra: record.extra }),
  };
  if (Object.keys(vendor).length > 0) fields.vendor = { [product]: vendor };
  return fields;
}
