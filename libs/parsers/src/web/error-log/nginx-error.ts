import { EventFields, FormatResult, formatError, formatOk } from '../../format-parser';
import { parseRequestLine } from '../access/request-line';
import { ipOrUndefined } from '../shared/network';
import { wallClockToIso } from '../shared/timestamps';
import { urlFields } from '../shared/url';
import { errorLogType } from './error-level';

// `2019/01/01 00:00:00 [error] 123#0: *1 message`; the `*connection` part is absent for process-level messages.
const LINE = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2}) \[([a-z]{1,16})\] (?:(\d{1,10})[#:](\d{1,10}):?(?: \*(\d{1,20}))?)?(?: (.*))?$/s;
const SHAPE = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} \[[a-z]{1,16}\] /;
// nginx appends the request context as `, key: value` pairs; quoted values escape `"` with `\`.
const CLIENT = /, client: ([^,\s]+)/;
const SERVER = /, server: ([^,]*)/;
const REQUEST = /, request: "((?:[^"\\]|\\.)*)"/;
const UPSTREAM = /, upstream: "((?:[^"\\]|\\.)*)"/;
const HOST = /, host: "((?:[^"\\]|\\.)*)"/;
const REFERRER = /, referrer: "((?:[^"\\]|\\.)*)"/;

export function looksLikeNginxError(text: string): boolean {
  return SHAPE.test(text);
}

/** nginx `error_log`: its time has no zone, so it is read in the source's zone. */
export function parseNginxError(text: string, zone: string): FormatResult {
  const m = LINE.exec(text);
  if (!m) return formatError('not an nginx error log line');
  const timestamp = wallClockToIso(
    { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]) },
    undefined,
    zone,
  );
  if (timestamp === undefined) return formatError(`invalid timestamp ${text.slice(0, 19)}`);
  const level = m[7]!;
  const message = (m[11] ?? '').trimEnd();
  const fields: EventFields = {
    '@timestamp': timestamp,
    event: { kind: 'event', category: ['web'], type: errorLogType(level), dataset: 'nginx.error', module: 'nginx' },
    log: { level },
  };
  if (message.length > 0) fields.message = message;
  if (m[8] !== undefined) fields.process = { pid: Number(m[8]) };

  const client = ipOrUndefined(CLIENT.exec(message)?.[1]);
  if (client !== undefined) fields.source = { address: client, ip: client };
  const request = parseRequestLine(REQUEST.exec(message)?.[1] ?? '');
  // Objects are built member by member, not with spread literals (see plain-object.ts).
  if (request) {
    fields.http = { request: { method: request.method }, ...(request.version === undefined ? {} : { version: request.version }) };
    fields.url = urlFields(request.target, request.method);
  }
  const host = HOST.exec(message)?.[1];
  if (host !== undefined && fields.url && fields.url.domain === undefined) fields.url.domain = host;
  const referrer = REFERRER.exec(message)?.[1];
  if (referrer !== undefined) fields.http = Object.assign({}, fields.http, { request: Object.assign({}, fields.http?.request, { referrer }) });

  const vendor: Record<string, unknown> = {};
  if (m[9] !== undefined) vendor.tid = Number(m[9]);
  if (m[10] !== undefined) vendor.connection_id = Number(m[10]);
  setOptional(vendor, 'server', SERVER.exec(message)?.[1]);
  setOptional(vendor, 'upstream', UPSTREAM.exec(message)?.[1]);
  setOptional(vendor, 'host', host);
  if (Object.keys(vendor).length > 0) fields.vendor = { nginx: vendor };
  return formatOk(fields);
}

function setOptional(vendor: Record<string, unknown>, key: string, value: string | undefined): void {
  if (value !== undefined && value.length > 0) vendor[key] = value;
}
