import { FormatParser } from '../format-parser';
import { cefLineParser, cefMessageParser } from './cef/cef.parser';
import { leefLineParser, leefMessageParser } from './leef/leef.parser';

/** CEF and LEEF records without a syslog header. */
export const STRUCTURED_LINE_PARSERS: readonly FormatParser[] = [cefLineParser, leefLineParser];
/** CEF and LEEF inside a syslog message. */
export const STRUCTURED_MESSAGE_PARSERS: readonly FormatParser[] = [cefMessageParser, leefMessageParser];
