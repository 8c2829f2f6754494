import { ErrorCode, SocError } from '@soc/shared';

/** The request body of an import: parsed as text only when sent as text/csv (see the app's body parsers). */
export function csvBodyOf(body: unknown): string {
  if (typeof body !== 'string') throw new SocError(ErrorCode.UnsupportedMediaType, 'send the table as text/csv (UTF-8), header row first');
  return body;
}
