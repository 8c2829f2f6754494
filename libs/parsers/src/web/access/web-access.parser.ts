import { FormatParser, FormatResult, ParseContext, formatError, formatOk } from '../../format-parser';
import { WebProduct, productForApp } from '../shared/web-product';
import { accessFields } from './access-fields';
import { looksLikeAccessLine, parseAccessLine } from './access-line';

/** Parses an access line for a known product (hinted source or syslog program name). */
export function parseAccess(text: string, context: ParseContext, product: WebProduct): FormatResult {
  const parsed = parseAccessLine(text, context.timeZone);
  return parsed.ok ? formatOk(accessFields(parsed.record, product)) : formatError(parsed.reason);
}

/**
 * Common/Combined access logs from any server. Bare lines say nothing about the server, so they are
 * `web.access`; through syslog, the program name (`nginx`, `httpd`…) names it.
 */
export const webAccessParser: FormatParser = {
  format: 'web-access',
  matches: (text: string) => looksLikeAccessLine(text),
  parse: (text: string, context: ParseContext) => parseAccess(text, context, productForApp(context.app, 'web')),
};
