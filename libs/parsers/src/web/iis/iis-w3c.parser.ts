import { isIP } from 'node:net';
import { EventFields, FormatParser, FormatResult, formatError, formatOk } from '../../format-parser';
import { port } from '../shared/network';
import { wallClockToIso } from '../shared/timestamps';

// W3C logs name their columns in a `#Fields:` header that single records arrive without. Only IIS's
// two default layouts are read, told apart by their column count (15 adds cs(Referer)):
// date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) [cs(Referer)] sc-status sc-substatus sc-win32-status time-taken
const SHAPE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \S+ [A-Za-z-]{1,32} \S+ \S+ \d{1,5} \S+ \S+ \S+ (?:\S+ )?\d{3} \d{1,10} \d{1,10} \d{1,10}$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** IIS access logs in the default W3C layouts; IIS writes them in UTC. */
export const iisParser: FormatParser = {
  format: 'iis',
  matches: (text: string) => SHAPE.test(text),
  parse(text: string): FormatResult {
    const columns = text.split(' ');
    if (columns.length !== 14 && columns.length !== 15) return formatError(`${columns.length} columns, the default IIS layouts have 14 or 15`);
    const [date, time, serverIp, method, stem, query, serverPort, user, clientIp, agent] = columns as [string, string, string, string, string, string, string, string, string, string];
    const referrer = columns.length === 15 ? columns[10] : undefined;
    const [status, substatus, win32Status, timeTaken] = columns.slice(-4).map(Number) as [number, number, number, number];
    const clock = DATE_TIME.exec(`${date} ${time}`);
    const timestamp = clock
      ? wallClockToIso({ year: Number(clock[1]), month: Number(clock[2]), day: Number(clock[3]), hour: Number(clock[4]), minute: Number(clock[5]), second: Number(clock[6]) }, 0, 'UTC')
      : undefined;
    if (timestamp === undefined) return formatError(`invalid time ${date} ${time}`);
    if (isIP(clientIp) === 0 || isIP(serverIp) === 0) return formatError('s-ip and c-ip must be addresses');

    const hasQuery = query !== '-';
    const fields: EventFields = {
      '@timestamp': timestamp,
      event: {
        kind: 'event',
        category: ['web'],
        type: ['access'],
        outcome: status < 400 ? 'success' : 'failure',
        duration: timeTaken * 1_000_000,
        dataset: 'iis.access',
        module: 'iis',
      },
      source: { address: clientIp, ip: clientIp },
      destination: { address: serverIp, ip: serverIp, ...(port(serverPort) === undefined ? {} : { port: Number(serverPort) }) },
      url: { original: hasQuery ? `${stem}?${query}` : stem, path: stem, ...(hasQuery ? { query } : {}) },
      http: { request: { method, ...(referrer === undefined || referrer === '-' ? {} : { referrer }) }, response: { status_code: status } },
      vendor: { iis: { sub_status: substatus, win32_status: win32Status } },
    };
    if (user !== '-') fields.user = { name: user };
    // W3C writes spaces in the user agent as `+`.
    if (agent !== '-') fields.user_agent = { original: agent.replaceAll('+', ' ') };
    return formatOk(fields);
  },
};
