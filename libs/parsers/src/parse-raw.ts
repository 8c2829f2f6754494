import { parseSshdMessage } from './linux-auth/sshd-message';
import { ParseOutcome, parseFailure } from './parse-outcome';
import { RawEnvelope } from './raw-envelope';
import { SecurityEvent } from './security-event';
import { parseSyslogLine, SyslogRecord } from './syslog/syslog-record';

export interface ParseOptions {
  /** Zone for timestamps without one: the source's zone, else the deployment's (Asia/Ho_Chi_Minh). */
  timeZone: string;
}

/** Longest line we accept; longer payloads are dead-lettered, not truncated, so nothing is silently altered. */
export const MAX_LINE_BYTES = 64 * 1024;

/** Raw record → normalized event, or the reason it could not be parsed. Never throws. */
export function parseRaw(envelope: RawEnvelope, options: ParseOptions): ParseOutcome {
  const line = envelope.payload;
  if (line.trim().length === 0) return parseFailure('empty record');
  if (Buffer.byteLength(line, 'utf8') > MAX_LINE_BYTES) return parseFailure(`record longer than ${MAX_LINE_BYTES} bytes`);
  if (line.includes('\u0000')) return parseFailure('record contains NUL bytes');

  const syslog = parseSyslogLine(line, { timeZone: options.timeZone, receivedAt: envelope.receivedAt });
  if (!syslog) return parseFailure('unrecognized format: not a syslog line');
  return { ok: true, event: fromSyslog(syslog, envelope) };
}

function fromSyslog(record: SyslogRecord, envelope: RawEnvelope): SecurityEvent {
  const event: SecurityEvent = {
    '@timestamp': record.timestamp.toISOString(),
    message: record.message,
    event: {
      kind: 'event',
      dataset: 'syslog',
      module: 'system',
      ingested: envelope.receivedAt.toISOString(),
      original: envelope.payload,
    },
    soc: { source_id: envelope.sourceId, transport: envelope.transport },
  };
  if (record.host) event.host = { name: record.host };
  if (record.app) event.process = { name: record.app, ...(record.pid === undefined ? {} : { pid: record.pid }) };
  if (record.priority !== undefined) {
    event.log = {
      syslog: {
        priority: record.priority,
        facility: { code: record.priority >> 3 },
        severity: { code: record.priority & 7 },
      },
    };
  }
  if (record.app === 'sshd') applySshd(event, record.message);
  return event;
}

function applySshd(event: SecurityEvent, message: string): void {
  const facts = parseSshdMessage(message);
  event.event.dataset = 'system.auth';
  if (!facts) return;
  event.event.category = ['authentication'];
  event.event.type = facts.action === 'ssh_disconnect' ? ['end'] : ['start'];
  event.event.action = facts.action;
  event.event.outcome = facts.outcome;
  if (facts.count > 1) event.event.count = facts.count;
  if (facts.userName !== undefined) event.user = { name: facts.userName };
  if (facts.sourceIp !== undefined) {
    event.source = { ip: facts.sourceIp, ...(facts.sourcePort === undefined ? {} : { port: facts.sourcePort }) };
  }
}
