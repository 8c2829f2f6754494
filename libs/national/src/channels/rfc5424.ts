import type { NationalMessage } from '../payload/national-message';

/** Facility 13, "log audit": what a security monitoring feed is. */
const FACILITY = 13;
/** Our severities as syslog severities (2 critical … 6 informational). */
const SYSLOG_SEVERITY: Readonly<Record<string, number>> = { critical: 2, high: 3, medium: 4, low: 5, informational: 6 };
const APP_NAME = 'soc';

export function severityOf(message: NationalMessage): string {
  return 'alert' in message ? message.alert.severity : message.incident.severity;
}

/** RFC 5424 header fields are printable US-ASCII without spaces, at most `max` characters; `-` when empty. */
function headerField(value: string, max: number): string {
  const clean = value.replace(/[^\x21-\x7e]/g, '').slice(0, max);
  return clean.length > 0 ? clean : '-';
}

/**
 * `<PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID - MSG`: MSGID is the message type (alert.created …),
 * the structured data is empty (CEF or JSON in MSG carries everything), TIMESTAMP the outbox commit time.
 */
export function rfc5424(message: NationalMessage, body: string, hostname: string): string {
  const pri = FACILITY * 8 + (SYSLOG_SEVERITY[severityOf(message)] ?? 5);
  return `<${pri}>1 ${message.ts} ${headerField(hostname, 255)} ${APP_NAME} - ${headerField(message.type, 32)} - ${body}`;
}

/** RFC 6587 octet counting: `<byte length> <message>`, so a message may hold any character, line breaks included. */
export function octetCounted(message: string): Buffer {
  const bytes = Buffer.from(message, 'utf8');
  return Buffer.concat([Buffer.from(`${bytes.length} `, 'ascii'), bytes]);
}
