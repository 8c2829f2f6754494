import { flatten, readUserData } from './event-data-reader';
import { asObject, JsonObject, scalarText, wholeNumber } from './json-value';
import { levelName } from './windows-level';
import { setHeader, WindowsRecord } from './windows-record';

/** Winlogbeat writes keywords by name; the mapping reads the mask, so name the two audit bits. */
const AUDIT_KEYWORDS: Readonly<Record<string, string>> = { 'audit failure': '0x8010000000000000', 'audit success': '0x8020000000000000' };

function keywordsOf(value: unknown): string | undefined {
  const names = Array.isArray(value) ? value : [value];
  for (const name of names) {
    const mask = AUDIT_KEYWORDS[scalarText(name)?.toLowerCase() ?? ''];
    if (mask) return mask;
  }
  return undefined;
}

function isoTimestamp(value: string | undefined): string | undefined {
  if (value === undefined || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}

/** `{"@timestamp":…,"winlog":{"event_id":4625,"channel":…,"event_data":{…}},"event":{…},"host":{…}}`. */
export function readWinlogbeatRecord(root: JsonObject): WindowsRecord | undefined {
  const winlog = asObject(root.winlog);
  if (!winlog) return undefined;
  const event = asObject(root.event);
  const eventId = wholeNumber(winlog.event_id) ?? wholeNumber(event?.code);
  if (eventId === undefined || eventId > 65535) return undefined;
  const record: WindowsRecord = { eventId, eventData: flatten(asObject(winlog.event_data) ?? {}) };
  const userData = readUserData(winlog.user_data);
  if (userData) {
    const { xml_name: xmlName, ...fields } = userData.data;
    record.userData = fields;
    const name = xmlName ?? userData.name;
    if (name) record.userDataName = name;
  }
  const channel = scalarText(winlog.channel);
  const provider = scalarText(winlog.provider_name) ?? scalarText(event?.provider);
  const computer = scalarText(winlog.computer_name);
  const recordId = wholeNumber(winlog.record_id);
  const timestamp = isoTimestamp(scalarText(root['@timestamp']) ?? scalarText(event?.created));
  const level = levelName(scalarText(asObject(root.log)?.level) ?? scalarText(winlog.level));
  const keywords = keywordsOf(winlog.keywords);
  const message = scalarText(root.message);
  setHeader(record, { channel, provider, computer, recordId, timestamp, level, keywords, message });
  return record;
}

/** The shipper's `host.name`, which Winlogbeat keeps as the event's host; computer_name stays in winlog. */
export function shipperHostName(root: JsonObject): string | undefined {
  return scalarText(asObject(root.host)?.name);
}
