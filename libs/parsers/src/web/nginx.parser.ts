import { FormatParser, ParseContext } from '../format-parser';
import { parseAccess } from './access/web-access.parser';
import { looksLikeAccessLine } from './access/access-line';
import { looksLikeNginxError, parseNginxError } from './error-log/nginx-error';
import { productForApp } from './shared/web-product';

/**
 * nginx access and error logs. Auto-detection reaches it only for error lines (access lines are
 * claimed by `web-access` first); a source hinted `nginx` gets `nginx.access` for its access lines.
 */
export const nginxParser: FormatParser = {
  format: 'nginx',
  matches(text: string, app?: string): boolean {
    // A program name of another web server vetoes; an unknown one does not (a source may pin this format).
    if (productForApp(app, 'nginx') !== 'nginx') return false;
    return looksLikeNginxError(text) || looksLikeAccessLine(text);
  },
  parse: (text: string, context: ParseContext) =>
    looksLikeNginxError(text) ? parseNginxError(text, context.timeZone) : parseAccess(text, context, 'nginx'),
};
