import { FormatParser, ParseContext } from '../format-parser';
import { parseAccess } from './access/web-access.parser';
import { looksLikeAccessLine } from './access/access-line';
import { looksLikeApacheError, parseApacheError } from './error-log/apache-error';
import { productForApp } from './shared/web-product';

/**
 * Apache httpd access and error logs. Auto-detection reaches it only for error lines (access lines
 * are claimed by `web-access` first); a source hinted `apache` gets `apache.access` for its access lines.
 */
export const apacheParser: FormatParser = {
  format: 'apache',
  matches(text: string, app?: string): boolean {
    // A program name of another web server vetoes; an unknown one does not (a source may pin this format).
    if (productForApp(app, 'apache') !== 'apache') return false;
    return looksLikeApacheError(text) || looksLikeAccessLine(text);
  },
  parse: (text: string, context: ParseContext) =>
    looksLikeApacheError(text) ? parseApacheError(text, context.timeZone) : parseAccess(text, context, 'apache'),
};
