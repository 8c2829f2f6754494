import { EventFields, FormatParser, formatError, FormatResult, ParseContext } from '../format-parser';
import { parseSyslogLine } from '../syslog/syslog-record';

// Only the structure of the header matters here, not its time.
const STRUCTURE_ONLY = { timeZone: 'UTC', receivedAt: new Date(0) };
const PRIORITY = /^<(\d{1,3})>/;

/** True when the dispatcher's own syslog reading would hand this line to `parser`. */
export function syslogHeaderServes(line: string, parser: FormatParser): boolean {
  const record = parseSyslogLine(line, STRUCTURE_ONLY);
  return record !== undefined && parser.matches(record.message, record.app);
}

/**
 * The `<PRI>` that opens a line, as the dispatcher would report it for a syslog header. Parsers
 * here leave `log` to this: the dispatcher replaces, not merges, a message parser's `log`.
 */
export function priorityFields(line: string): EventFields {
  const pri = PRIORITY.exec(line);
  const priority = pri ? Number(pri[1]) : undefined;
  if (priority === undefined || priority > 191) return {};
  return { log: { syslog: { priority, facility: { code: priority >> 3 }, severity: { code: priority & 7 } } } };
}

/**
 * A whole-record parser for lines whose header the dispatcher cannot read (bare `<PRI>`, a device
 * timestamp, a relay's prefix): it takes the line from where `locate` finds the format's body.
 * Lines with a readable syslog header are left to the message parser so the header is kept.
 */
export function embeddedLineParser(
  format: string,
  messageParser: FormatParser,
  locate: (line: string) => number | undefined,
  parseBody: (body: string, prefix: string, context: ParseContext) => FormatResult,
): FormatParser {
  return {
    format,
    // JSON records belong to the JSON parsers that follow, whatever text their fields quote.
    matches: (line: string) => !line.trimStart().startsWith('{') && locate(line) !== undefined && !syslogHeaderServes(line, messageParser),
    parse(line: string, context: ParseContext): FormatResult {
      const at = locate(line);
      if (at === undefined) return formatError('format body not found');
      const result = parseBody(line.slice(at), line.slice(0, at), context);
      if (!result.ok) return result;
      // `{ ...priorityFields(line), ...result.fields }`, without the spread literal (see plain-object.ts).
      return { ok: true, fields: Object.assign({}, priorityFields(line), result.fields) };
    },
  };
}
