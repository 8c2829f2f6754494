import { isIP } from 'node:net';
import { EventFields, FormatParser, FormatResult, formatError, formatOk } from '../../format-parser';
import { isHostName } from '../shared/network';
import { epochToIso } from '../shared/timestamps';
import { urlFields } from '../shared/url';

// Squid native `access.log`: time elapsed client code/status bytes method URL user hierarchy/peer type.
const LINE =
  /^(\d{9,11}\.\d{3}) +(\d{1,10}) (\S+) ([A-Z_]{1,40})\/(\d{3}) (\d{1,15}) ([A-Za-z_-]{1,32}) (\S+) (\S+) ([A-Z_]{1,40})\/(\S+)(?: (\S+))?\s*$/;

/** Squid proxy access log (native format), bare or through syslog. */
export const squidParser: FormatParser = {
  format: 'squid',
  matches: (text: string) => LINE.test(text),
  parse(text: string): FormatResult {
    const m = LINE.exec(text);
    if (!m) return formatError('not a Squid native access log line');
    const timestamp = epochToIso(Number(m[1]));
    if (timestamp === undefined) return formatError(`invalid time ${m[1]}`);
    const status = Number(m[5]);
    const method = m[7]!;
    const fields: EventFields = {
      '@timestamp': timestamp,
      event: {
        kind: 'event',
        category: ['web', 'network'],
        type: ['access'],
        // Status 000: the client went away before a reply; that says nothing about success.
        outcome: status === 0 ? 'unknown' : status < 400 ? 'success' : 'failure',
        action: m[4]!,
        duration: Number(m[2]) * 1_000_000,
        dataset: 'squid.access',
        module: 'squid',
      },
      http: { request: { method }, response: { status_code: status, bytes: Number(m[6]) } },
      url: urlFields(m[8]!, method),
    };
    const client = m[3]!;
    if (isIP(client) !== 0) fields.source = { address: client, ip: client };
    else if (isHostName(client)) fields.source = { address: client, domain: client };
    if (m[9] !== '-') fields.user = { name: m[9]! };
    const peer = m[11]!;
    if (isIP(peer) !== 0) fields.destination = { address: peer, ip: peer };
    else if (peer !== '-' && isHostName(peer)) fields.destination = { address: peer, domain: peer };
    fields.vendor = {
      squid: { result_code: m[4], hierarchy_code: m[10], ...(m[12] === undefined || m[12] === '-' ? {} : { content_type: m[12] }) },
    };
    return formatOk(fields);
  },
};
