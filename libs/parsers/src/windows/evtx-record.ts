import { readEventData, readUserData } from './event-data-reader';
import { asObject, attribute, JsonObject, scalarText, wholeNumber } from './json-value';
import { keywordsHex } from './keywords';
import { levelName } from './windows-level';
import { setHeader, WindowsRecord } from './windows-record';
import { windowsTimestamp } from './windows-time';

/**
 * The Windows XML event as JSON (evtx_dump, WEF converters): `{"Event":{"System":{…},"EventData":{…}}}`,
 * or the same members at top level (`{"EventID":4625,"EventData":{…},"TimeCreated":…}`).
 */
export function readEvtxRecord(root: JsonObject): WindowsRecord | undefined {
  const event = asObject(root.Event) ?? root;
  const system = asObject(event.System) ?? event;
  const eventId = wholeNumber(system.EventID);
  if (eventId === undefined || eventId > 65535) return undefined;
  const userData = readUserData(event.UserData);
  const record: WindowsRecord = { eventId, eventData: readEventData(event.EventData) };
  const channel = scalarText(system.Channel);
  const provider = attribute(system.Provider, 'Name') ?? scalarText(system.Provider) ?? scalarText(system.ProviderName);
  const computer = scalarText(system.Computer);
  const recordId = wholeNumber(system.EventRecordID);
  const timestamp = windowsTimestamp(attribute(system.TimeCreated, 'SystemTime') ?? scalarText(system.TimeCreated));
  const level = levelName(scalarText(system.Level));
  const keywords = keywordsHex(system.Keywords);
  const message = scalarText(asObject(event.RenderingInfo)?.Message);
  setHeader(record, { channel, provider, computer, recordId, timestamp, level, keywords, message });
  if (userData) {
    record.userData = userData.data;
    if (userData.name) record.userDataName = userData.name;
  }
  return record;
}
