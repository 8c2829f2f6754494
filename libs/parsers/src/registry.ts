import { FIREWALL_LINE_PARSERS, FIREWALL_MESSAGE_PARSERS } from './firewall';
import { FormatParser } from './format-parser';
import { linuxAuthParser } from './linux-auth/linux-auth.parser';
import { STRUCTURED_LINE_PARSERS, STRUCTURED_MESSAGE_PARSERS } from './structured';
import { GENERIC_JSON_PARSERS, WEB_IDS_LINE_PARSERS, WEB_IDS_MESSAGE_PARSERS } from './web';
import { WINDOWS_LINE_PARSERS } from './windows';

/**
 * Formats recognized on the whole record, tried in this order before any syslog header is looked
 * for: specific JSON layouts first, generic JSON last.
 */
export const LINE_PARSERS: readonly FormatParser[] = [
  ...WINDOWS_LINE_PARSERS,
  ...WEB_IDS_LINE_PARSERS,
  ...STRUCTURED_LINE_PARSERS,
  ...FIREWALL_LINE_PARSERS,
  ...GENERIC_JSON_PARSERS,
];

/** Formats recognized in the message part of a syslog record, tried in this order. */
export const MESSAGE_PARSERS: readonly FormatParser[] = [
  ...STRUCTURED_MESSAGE_PARSERS,
  ...FIREWALL_MESSAGE_PARSERS,
  ...WEB_IDS_MESSAGE_PARSERS,
  linuxAuthParser,
];

/** Every format name a source may be pinned to with a format hint. */
export const FORMAT_NAMES: readonly string[] = [...new Set([...LINE_PARSERS, ...MESSAGE_PARSERS].map((p) => p.format))].sort();
