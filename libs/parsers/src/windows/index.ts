import { FormatParser } from '../format-parser';
import { evtxJsonParser } from './evtx-json.parser';
import { wazuhEventchannelParser } from './wazuh-eventchannel.parser';
import { winlogbeatParser } from './winlogbeat.parser';

/**
 * Windows events as JSON: Winlogbeat/ECS, Wazuh eventchannel, raw System/EventData (evtx_dump, NXLog).
 * The two layouts with a wrapper object go first; the evtx test looks only for Windows member names.
 */
export const WINDOWS_LINE_PARSERS: readonly FormatParser[] = [winlogbeatParser, wazuhEventchannelParser, evtxJsonParser];
