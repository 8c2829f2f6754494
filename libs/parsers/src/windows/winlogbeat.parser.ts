import { FormatParser, formatError, formatOk, FormatResult } from '../format-parser';
import { JSON_OBJECT, parseJsonObject } from './json-value';
import { readWinlogbeatRecord, shipperHostName } from './winlogbeat-record';
import { mapWindowsRecord } from './windows-event.mapping';

const WINLOG_OBJECT = /"winlog"\s*:\s*\{/;

/** Windows events as Winlogbeat / Elastic Agent ship them (ECS, `winlog.*`). */
export const winlogbeatParser: FormatParser = {
  format: 'winlogbeat',
  matches: (text: string) => JSON_OBJECT.test(text) && WINLOG_OBJECT.test(text),
  parse(text: string): FormatResult {
    const root = parseJsonObject(text);
    if (!root) return formatError('not a JSON object');
    const record = readWinlogbeatRecord(root);
    if (!record) return formatError('no numeric winlog.event_id');
    const fields = mapWindowsRecord(record);
    const host = shipperHostName(root);
    // `{ ...fields, host: { ...fields.host, name } }` without spread literals (see plain-object.ts).
    return formatOk(host ? Object.assign({}, fields, { host: Object.assign({}, fields.host, { name: host }) }) : fields);
  },
};
