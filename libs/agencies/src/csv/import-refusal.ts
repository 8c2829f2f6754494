import { ErrorCode, SocError } from '@soc/shared';
import type { CsvProblem } from './csv-reader';

/**
 * The answer to an import with bad rows: every row named with its line and reason, in one message
 * (the HTTP error body carries the message), and nothing written — imports are all-or-nothing.
 */
export function importRefused(problems: readonly CsvProblem[]): SocError {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  const list = sorted.map((p) => `line ${p.line}: ${p.reason}`).join(' | ');
  return new SocError(ErrorCode.ValidationFailed, `${sorted.length} bad row(s), nothing imported (không nhập dòng nào) — ${list}`, { problems: sorted });
}
