import { FormatParser, formatError, formatOk, FormatResult } from '../format-parser';
import { JSON_OBJECT, parseJsonObject } from './json-value';
import { readWazuhRecord } from './wazuh-record';
import { mapWindowsRecord } from './windows-event.mapping';

const WIN_OBJECT = /"win"\s*:\s*\{/;

/** Windows events as the Wazuh agent's eventchannel reader writes them (camelCase keys under `win`). */
export const wazuhEventchannelParser: FormatParser = {
  format: 'windows-wazuh',
  matches: (text: string) => JSON_OBJECT.test(text) && WIN_OBJECT.test(text),
  parse(text: string): FormatResult {
    const root = parseJsonObject(text);
    if (!root) return formatError('not a JSON object');
    const record = readWazuhRecord(root);
    return record ? formatOk(mapWindowsRecord(record)) : formatError('no win.system with a numeric eventID');
  },
};
