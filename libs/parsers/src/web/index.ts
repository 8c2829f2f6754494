import { FormatParser } from '../format-parser';

/** Access logs, Suricata EVE and Zeek JSON, recognized on the whole record. */
export const WEB_IDS_LINE_PARSERS: readonly FormatParser[] = [];
/** Access logs forwarded through syslog (nginx/apache `access_log syslog:`). */
export const WEB_IDS_MESSAGE_PARSERS: readonly FormatParser[] = [];
/** Any other JSON object: tried last. */
export const GENERIC_JSON_PARSERS: readonly FormatParser[] = [];
