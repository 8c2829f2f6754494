import { flatten } from './event-data-reader';
import { JsonObject, scalarText, wholeNumber } from './json-value';
import { keywordsHex } from './keywords';
import { levelName } from './windows-level';
import { setHeader, WindowsRecord } from './windows-record';
import { windowsTimestamp } from './windows-time';

/** NXLog's own fields (im_msvistalog and its output modules); every other key is the event's EventData. */
const NXLOG_FIELDS = new Set([
  'EventTime', 'EventReceivedTime', 'Hostname', 'Keywords', 'EventType', 'SeverityValue', 'Severity', 'EventID',
  'SourceName', 'ProviderGuid', 'Version', 'Task', 'OpcodeValue', 'RecordNumber', 'ActivityID', 'RelatedActivityID',
  'ProcessID', 'ThreadID', 'Channel', 'Category', 'Opcode', 'Message', 'SourceModuleName', 'SourceModuleType',
  'Domain', 'AccountName', 'UserID', 'AccountType', 'Level', 'LevelValue', 'ERROR_EVT_UNRESOLVED',
]);

/** `{"EventTime":…,"Hostname":…,"EventID":4625,"SourceName":…,"Channel":…,"TargetUserName":…}`; EventTime is the agent's local time. */
export function readNxlogRecord(root: JsonObject, timeZone: string): WindowsRecord | undefined {
  const eventId = wholeNumber(root.EventID);
  if (eventId === undefined || eventId > 65535) return undefined;
  const eventData = flatten(Object.fromEntries(Object.entries(root).filter(([key]) => !NXLOG_FIELDS.has(key))));
  const record: WindowsRecord = { eventId, eventData };
  const channel = scalarText(root.Channel);
  const provider = scalarText(root.SourceName);
  const computer = scalarText(root.Hostname);
  const recordId = wholeNumber(root.RecordNumber);
  const timestamp = windowsTimestamp(scalarText(root.EventTime), timeZone);
  const level = levelName(scalarText(root.Severity) ?? scalarText(root.Level));
  const keywords = keywordsHex(root.Keywords);
  const message = scalarText(root.Message);
  setHeader(record, { channel, provider, computer, recordId, timestamp, level, keywords, message });
  return record;
}

/** NXLog records have no EventData/System members; their marker is EventTime or SourceName beside EventID. */
export function isNxlogShape(root: JsonObject): boolean {
  return !('EventData' in root) && !('System' in root) && !('Event' in root) && ('EventTime' in root || 'SourceName' in root);
}
