import { FormatParser } from '../format-parser';

/** CEF and LEEF records without a syslog header. */
export const STRUCTURED_LINE_PARSERS: readonly FormatParser[] = [];
/** CEF and LEEF inside a syslog message. */
export const STRUCTURED_MESSAGE_PARSERS: readonly FormatParser[] = [];
