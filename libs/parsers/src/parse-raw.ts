import { EventFields, FormatParser, ParseContext } from './format-parser';
import { ParseOutcome, parseFailure } from './parse-outcome';
import { RawEnvelope } from './raw-envelope';
import { LINE_PARSERS, MESSAGE_PARSERS } from './registry';
import { SecurityEvent } from './security-event';
import { parseSyslogLine, SyslogRecord } from './syslog/syslog-record';
import { isoString } from './time/iso-string';

export interface ParseOptions {
  /** Zone for timestamps without one: the source's zone, else the deployment's (Asia/Ho_Chi_Minh). */
  timeZone: string;
}

/** Longest line we accept; longer payloads are dead-lettered, not truncated, so nothing is silently altered. */
export const MAX_LINE_BYTES = 64 * 1024;

const KNOWN_FORMATS = new Set([...LINE_PARSERS, ...MESSAGE_PARSERS].map((p) => p.format));
const NARROWED = new Map<string, { line: readonly FormatParser[]; message: readonly FormatParser[] }>(
  [...KNOWN_FORMATS].map((format) => [format, { line: LINE_PARSERS.filter((p) => p.format === format), message: MESSAGE_PARSERS.filter((p) => p.format === format) }]),
);

/** A source's format hint narrows both parser lists to that format (a format may have a line and a message parser). */
function parsersFor(hint: string | undefined): { line: readonly FormatParser[]; message: readonly FormatParser[] } {
  return (hint === undefined ? undefined : NARROWED.get(hint)) ?? ALL_PARSERS;
}
const ALL_PARSERS = { line: LINE_PARSERS, message: MESSAGE_PARSERS };

/**
 * Raw record → normalized event, or the reason it could not be parsed. Never throws.
 * Order: the source's format hint; whole-record formats; then a syslog header with the formats of
 * its message; a syslog record no format claims is kept as a generic syslog event.
 * Each `matches` runs on every record the formats before it declined, so each opens with a cheap
 * test (a marker substring, the first character, the program name) before any regex.
 */
export function parseRaw(envelope: RawEnvelope, options: ParseOptions): ParseOutcome {
  const line = envelope.payload;
  if (line.trim().length === 0) return parseFailure('empty record');
  // UTF-8 takes at most 3 bytes per UTF-16 unit, so only long lines need their bytes counted.
  if (line.length * 3 > MAX_LINE_BYTES && Buffer.byteLength(line, 'utf8') > MAX_LINE_BYTES) return parseFailure(`record longer than ${MAX_LINE_BYTES} bytes`);
  if (line.includes('\u0000')) return parseFailure('record contains NUL bytes');
  const context: ParseContext = { timeZone: options.timeZone, receivedAt: envelope.receivedAt };
  const parsers = parsersFor(envelope.formatHint);

  for (const parser of parsers.line) {
    if (!matchesSafely(parser, line, undefined)) continue;
    const result = run(parser, line, context);
    return result.ok ? { ok: true, event: build(envelope, result.fields) } : parseFailure(`${parser.format}: ${result.reason}`);
  }

  const syslog = parseSyslogLine(line, context);
  if (!syslog) return parseFailure('unrecognized format: not a syslog line');
  let parser: FormatParser | undefined;
  for (const candidate of parsers.message) {
    if (matchesSafely(candidate, syslog.message, syslog.app)) {
      parser = candidate;
      break;
    }
  }
  if (!parser) return { ok: true, event: build(envelope, syslogFields(syslog)) };
  const messageContext: ParseContext = { timeZone: context.timeZone, receivedAt: context.receivedAt, app: syslog.app, host: syslog.host };
  const result = run(parser, syslog.message, messageContext);
  if (!result.ok) return parseFailure(`${parser.format}: ${result.reason}`);
  return { ok: true, event: buildFromSyslog(envelope, syslog, result.fields) };
}

function run(parser: FormatParser, text: string, context: ParseContext): ReturnType<FormatParser['parse']> {
  try {
    return parser.parse(text, context);
  } catch (error) {
    // A parser bug must cost one record, never the batch: the record goes to the dead letters.
    return { ok: false, reason: `parser error: ${(error as Error).message}` };
  }
}

/** A `matches` that throws is a "no". */
function matchesSafely(parser: FormatParser, text: string, app: string | undefined): boolean {
  try {
    return parser.matches(text, app);
  } catch {
    return false;
  }
}

/** A syslog record's fields: its header's members, then `event` (build() puts `event` last anyway). */
function syslogFields(record: SyslogRecord): EventFields {
  const fields = syslogMembers(record);
  fields.event = { dataset: 'syslog', module: 'system' };
  return fields;
}

/** The members a syslog header gives an event (all but `event`). */
function syslogMembers(record: SyslogRecord): EventFields {
  const fields: EventFields = { '@timestamp': isoString(record.timestamp), message: record.message };
  if (record.host) fields.host = { name: record.host };
  if (record.app) {
    // Member by member, as `{ name, ...(pid === undefined ? {} : { pid }) }` would set them, without the spread's object.
    const process: NonNullable<EventFields['process']> = { name: record.app };
    if (record.pid !== undefined) process.pid = record.pid;
    fields.process = process;
  }
  // `log.syslog` only when it has a member: most BSD lines carry none of these, and need no object for it.
  if (record.priority === undefined && record.msgId === undefined && record.structuredData === undefined) return fields;
  const syslog: NonNullable<NonNullable<EventFields['log']>['syslog']> = {};
  if (record.priority !== undefined) Object.assign(syslog, { priority: record.priority, facility: { code: record.priority >> 3 }, severity: { code: record.priority & 7 } });
  if (record.msgId !== undefined) syslog.msgid = record.msgId;
  if (record.structuredData !== undefined) syslog.structured_data = record.structuredData;
  fields.log = { syslog };
  return fields;
}

/**
 * `build(envelope, merged)`, where merged is `syslogFields(record)` with the format's fields `over` winning
 * and `event`, `host`, `process` and `log` (and `log.syslog`) merged field by field: the same members in
 * the same order with the same values, built directly. The syslog members are made here, so they are
 * filled in place instead of copied, and the member loop runs over the format's fields only.
 */
function buildFromSyslog(envelope: RawEnvelope, record: SyslogRecord, over: EventFields): SecurityEvent {
  const ingested = isoString(envelope.receivedAt);
  const built = syslogMembers(record) as Record<string, unknown>;
  for (const key in over) {
    if (key === 'event') continue;
    const mine = built[key];
    const theirs = over[key as keyof EventFields];
    if (mine === undefined || theirs === undefined || (key !== 'host' && key !== 'process' && key !== 'log')) built[key] = theirs;
    else if (key !== 'log') Object.assign(mine as object, theirs);
    else {
      const log = Object.assign({}, mine, theirs) as NonNullable<EventFields['log']>;
      const syslog = (mine as NonNullable<EventFields['log']>).syslog;
      const overSyslog = (theirs as NonNullable<EventFields['log']>).syslog;
      if (syslog && overSyslog) log.syslog = Object.assign({}, syslog, overSyslog);
      built.log = log;
    }
  }
  const event = built as unknown as SecurityEvent;
  event['@timestamp'] = (built['@timestamp'] as string | undefined) ?? ingested;
  // `{ kind, dataset: 'syslog', module: 'system', ...over.event, ingested, original }`, member by member.
  const members: Record<string, unknown> = { kind: 'event', dataset: 'syslog', module: 'system' };
  Object.assign(members, over.event);
  members.ingested = ingested;
  members.original = envelope.payload;
  event.event = members as unknown as SecurityEvent['event'];
  event.soc = { source_id: envelope.sourceId, transport: envelope.transport };
  return event;
}

function build(envelope: RawEnvelope, fields: EventFields): SecurityEvent {
  const ingested = isoString(envelope.receivedAt);
  // Members are added to the rest object, not written as `{ ...rest, '@timestamp': … }` (see
  // plain-object.ts); they land in the same order either way.
  const { event, ...rest } = fields;
  const built = rest as SecurityEvent;
  built['@timestamp'] = fields['@timestamp'] ?? ingested;
  built.event = { kind: 'event', ...event, ingested, original: envelope.payload };
  built.soc = { source_id: envelope.sourceId, transport: envelope.transport };
  return built;
}
