import { FormatParser } from '../format-parser';

/** Windows events as JSON: Winlogbeat/ECS, raw System/EventData (evtx_dump), Wazuh eventchannel. */
export const WINDOWS_LINE_PARSERS: readonly FormatParser[] = [];
