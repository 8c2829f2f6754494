import { SecurityEvent } from './security-event';

export interface ParseContext {
  /** Zone for timestamps that carry none: the source's, else the deployment's. */
  timeZone: string;
  receivedAt: Date;
  /** For parsers of syslog messages: the header's program name (`sshd`, `filterlog`, `kernel`…) and host. */
  app?: string;
  host?: string;
}

/**
 * What one format contributes to an event. The dispatcher adds `event.original`, `event.ingested`,
 * `soc.*`, and `@timestamp` (from the syslog header or receipt time) when the format sets none.
 */
export type EventFields = Partial<Omit<SecurityEvent, 'event' | 'soc'>> & { event?: Partial<Omit<SecurityEvent['event'], 'original' | 'ingested'>> };

/** Parsed fields, or why a record that looked like this format could not be read. */
export type FormatResult = { ok: true; fields: EventFields } | { ok: false; reason: string };

/**
 * One log format. `matches` is a cheap structural test used for auto-detection; `parse` must never
 * throw (the dispatcher guards it anyway) and must keep to fields the format really carries.
 */
export interface FormatParser {
  /** Stable name, also the per-source format hint (e.g. `fortigate`, `cef`, `suricata`). */
  readonly format: string;
  /** For message parsers, `app` is the syslog program name, when the header had one. */
  matches(text: string, app?: string): boolean;
  parse(text: string, context: ParseContext): FormatResult;
}

export const formatOk = (fields: EventFields): FormatResult => ({ ok: true, fields });
export const formatError = (reason: string): FormatResult => ({ ok: false, reason });
