import { flatten } from './event-data-reader';
import { asObject, JsonObject, scalarText, wholeNumber } from './json-value';
import { keywordsHex } from './keywords';
import { levelName } from './windows-level';
import { setHeader, WindowsRecord } from './windows-record';
import { windowsTimestamp } from './windows-time';

/** Wazuh lower-cases the first letter of Windows names (`targetUserName`); Windows names start upper-case. */
function windowsName(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

/**
 * Wazuh's eventchannel reader escapes `\` and `"` in EventData once more than JSON needs
 * (`C:\\Windows` arrives as `C:\\\\Windows`). Undo it only when every backslash is such a pair,
 * so values that were not escaped twice are left as they are.
 */
function unescapeWazuh(value: string): string {
  if (!value.includes('\\') || value.replace(/\\[\\"]/g, '').includes('\\')) return value;
  return value.replace(/\\([\\"])/g, '$1');
}

function windowsData(object: JsonObject): Record<string, string> {
  return Object.fromEntries(Object.entries(flatten(object)).map(([key, value]) => [windowsName(key), unescapeWazuh(value)]));
}

/** Wazuh wraps the rendered message in quotes: `"\"An account was…\""`. */
function unquote(message: string | undefined): string | undefined {
  const trimmed = message?.trim();
  if (trimmed === undefined || trimmed === '') return undefined;
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
}

/** `{"win":{"system":{…},"eventdata":{…}}}` as the Wazuh agent sends it, alone or inside an alert's `data`. */
export function readWazuhRecord(root: JsonObject): WindowsRecord | undefined {
  const win = asObject(root.win) ?? asObject(asObject(root.data)?.win);
  const system = asObject(win?.system);
  if (!win || !system) return undefined;
  const eventId = wholeNumber(system.eventID);
  if (eventId === undefined || eventId > 65535) return undefined;
  const record: WindowsRecord = { eventId, eventData: windowsData(asObject(win.eventdata) ?? {}) };
  // Events without EventData (1102's LogFileCleared) carry their UserData element beside `system`.
  const [userData] = Object.entries(win).filter(([key, value]) => key !== 'system' && key !== 'eventdata' && asObject(value));
  const userObject = asObject(userData?.[1]);
  if (userData && userObject) {
    record.userData = windowsData(userObject);
    record.userDataName = windowsName(userData[0]);
  }
  const channel = scalarText(system.channel);
  const provider = scalarText(system.providerName);
  const computer = scalarText(system.computer);
  const recordId = wholeNumber(system.eventRecordID);
  const timestamp = windowsTimestamp(scalarText(system.systemTime));
  const level = levelName(scalarText(system.severityValue) ?? scalarText(system.level));
  const keywords = keywordsHex(system.keywords);
  const message = unquote(scalarText(system.message));
  setHeader(record, { channel, provider, computer, recordId, timestamp, level, keywords, message });
  return record;
}
