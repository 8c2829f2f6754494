import { EventFields, FormatParser, ParseContext } from './format-parser';
import { ParseOutcome, parseFailure } from './parse-outcome';
import { RawEnvelope } from './raw-envelope';
import { LINE_PARSERS, MESSAGE_PARSERS } from './registry';
import { SecurityEvent } from './security-event';
import { parseSyslogLine, SyslogRecord } from './syslog/syslog-record';

export interface ParseOptions {
  /** Zone for timestamps without one: the source's zone, else the deployment's (Asia/Ho_Chi_Minh). */
  timeZone: string;
}

/** Longest line we accept; longer payloads are dead-lettered, not truncated, so nothing is silently altered. */
export const MAX_LINE_BYTES = 64 * 1024;

const KNOWN_FORMATS = new Set([...LINE_PARSERS, ...MESSAGE_PARSERS].map((p) => p.format));

/** A source's format hint narrows both parser lists to that format (a format may have a line and a message parser). */
function narrowed(parsers: readonly FormatParser[], hint: string | undefined): readonly FormatParser[] {
  return hint !== undefined && KNOWN_FORMATS.has(hint) ? parsers.filter((p) => p.format === hint) : parsers;
}

/**
 * Raw record → normalized event, or the reason it could not be parsed. Never throws.
 * Order: the source's format hint; whole-record formats; then a syslog header with the formats of
 * its message; a syslog record no format claims is kept as a generic syslog event.
 */
export function parseRaw(envelope: RawEnvelope, options: ParseOptions): ParseOutcome {
  const line = envelope.payload;
  if (line.trim().length === 0) return parseFailure('empty record');
  if (Buffer.byteLength(line, 'utf8') > MAX_LINE_BYTES) return parseFailure(`record longer than ${MAX_LINE_BYTES} bytes`);
  if (line.includes('\u0000')) return parseFailure('record contains NUL bytes');
  const context: ParseContext = { timeZone: options.timeZone, receivedAt: envelope.receivedAt };

  for (const parser of narrowed(LINE_PARSERS, envelope.formatHint)) {
    if (!guarded(() => parser.matches(line))) continue;
    const result = run(parser, line, context);
    return result.ok ? { ok: true, event: build(envelope, result.fields) } : parseFailure(`${parser.format}: ${result.reason}`);
  }

  const syslog = parseSyslogLine(line, context);
  if (!syslog) return parseFailure('unrecognized format: not a syslog line');
  const messageContext: ParseContext = { ...context, app: syslog.app, host: syslog.host };
  const parser = narrowed(MESSAGE_PARSERS, envelope.formatHint).find((p) => guarded(() => p.matches(syslog.message, syslog.app)));
  if (!parser) return { ok: true, event: build(envelope, syslogFields(syslog)) };
  const result = run(parser, syslog.message, messageContext);
  if (!result.ok) return parseFailure(`${parser.format}: ${result.reason}`);
  return { ok: true, event: build(envelope, merge(syslogFields(syslog), result.fields)) };
}

function run(parser: FormatParser, text: string, context: ParseContext): ReturnType<FormatParser['parse']> {
  try {
    return parser.parse(text, context);
  } catch (error) {
    // A parser bug must cost one record, never the batch: the record goes to the dead letters.
    return { ok: false, reason: `parser error: ${(error as Error).message}` };
  }
}

function guarded(test: () => boolean): boolean {
  try {
    return test();
  } catch {
    return false;
  }
}

function syslogFields(record: SyslogRecord): EventFields {
  const fields: EventFields = {
    '@timestamp': record.timestamp.toISOString(),
    message: record.message,
    event: { dataset: 'syslog', module: 'system' },
  };
  if (record.host) fields.host = { name: record.host };
  if (record.app) fields.process = { name: record.app, ...(record.pid === undefined ? {} : { pid: record.pid }) };
  const syslog: NonNullable<NonNullable<EventFields['log']>['syslog']> = {};
  if (record.priority !== undefined) Object.assign(syslog, { priority: record.priority, facility: { code: record.priority >> 3 }, severity: { code: record.priority & 7 } });
  if (record.msgId !== undefined) syslog.msgid = record.msgId;
  if (record.structuredData !== undefined) syslog.structured_data = record.structuredData;
  if (Object.keys(syslog).length > 0) fields.log = { syslog };
  return fields;
}

/** The format's fields win over the syslog header's; `event`, `host`, `process` and `log` are merged field by field. */
function merge(base: EventFields, over: EventFields): EventFields {
  const merged: EventFields = Object.assign({}, base, over);
  merged.event = Object.assign({}, base.event, over.event);
  if (base.host && over.host) merged.host = Object.assign({}, base.host, over.host);
  if (base.process && over.process) merged.process = Object.assign({}, base.process, over.process);
  if (base.log && over.log) {
    merged.log = Object.assign({}, base.log, over.log);
    if (base.log.syslog && over.log.syslog) merged.log.syslog = Object.assign({}, base.log.syslog, over.log.syslog);
  }
  return merged;
}

function build(envelope: RawEnvelope, fields: EventFields): SecurityEvent {
  const { event, ...rest } = fields;
  return {
    ...rest,
    '@timestamp': fields['@timestamp'] ?? envelope.receivedAt.toISOString(),
    event: { kind: 'event', ...event, ingested: envelope.receivedAt.toISOString(), original: envelope.payload },
    soc: { source_id: envelope.sourceId, transport: envelope.transport },
  };
}
