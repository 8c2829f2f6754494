import { FormatParser, formatError, formatOk, FormatResult, ParseContext } from '../format-parser';
import { readEvtxRecord } from './evtx-record';
import { JSON_OBJECT, parseJsonObject } from './json-value';
import { isNxlogShape, readNxlogRecord } from './nxlog-record';
import { mapWindowsRecord } from './windows-event.mapping';

const EVENT_ID = /"EventID"\s*:/;
/** Beside EventID, a member only Windows records have, so other JSON with an "EventID" key is left to other formats. */
const WINDOWS_MEMBER = /"(?:Event|System|EventData|UserData|TimeCreated|SourceName|EventTime|Channel)"\s*:/;

/** Windows events as XML-shaped JSON (evtx_dump, Windows Event Forwarding converters) or NXLog's flat JSON. */
export const evtxJsonParser: FormatParser = {
  format: 'windows-evtx-json',
  matches: (text: string) => JSON_OBJECT.test(text) && EVENT_ID.test(text) && WINDOWS_MEMBER.test(text),
  parse(text: string, context: ParseContext): FormatResult {
    const root = parseJsonObject(text);
    if (!root) return formatError('not a JSON object');
    const record = isNxlogShape(root) ? readNxlogRecord(root, context.timeZone) : readEvtxRecord(root);
    return record ? formatOk(mapWindowsRecord(record)) : formatError('no numeric EventID');
  },
};
