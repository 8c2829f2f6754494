import { parseAllDocuments } from 'yaml';
import { SigmaDocument } from './sigma-rule';
import { SigmaReason } from './sigma-reason';
import { validateDocument } from './rule-validation';

/** A document that did not load, with where it was and whatever identifies it. */
export interface SigmaLoadIssue {
  origin?: string;
  /** 0-based position of the document in its file. */
  index: number;
  id?: string;
  title?: string;
  reason: SigmaReason;
}

export interface SigmaLoadResult {
  documents: SigmaDocument[];
  issues: SigmaLoadIssue[];
}

function identity(doc: unknown): Pick<SigmaLoadIssue, 'id' | 'title'> {
  if (typeof doc !== 'object' || doc === null) return {};
  const { id, title } = doc as { id?: unknown; title?: unknown };
  return { ...(typeof id === 'string' ? { id } : {}), ...(typeof title === 'string' ? { title } : {}) };
}

/**
 * Rule text (YAML, one or more documents) → validated Sigma documents, and an issue for each
 * document that is not valid or not supported. Never throws.
 */
export function loadSigmaText(text: string, origin?: string): SigmaLoadResult {
  const result: SigmaLoadResult = { documents: [], issues: [] };
  const where = origin === undefined ? {} : { origin };
  let parsed: ReturnType<typeof parseAllDocuments>;
  try {
    parsed = parseAllDocuments(text);
  } catch (error) {
    result.issues.push({ ...where, index: 0, reason: { code: 'yaml-syntax', message: `YAML: ${(error as Error).message}` } });
    return result;
  }
  const documents = Array.isArray(parsed) ? parsed : [];
  documents.forEach((document, index) => {
    const error = document.errors[0];
    if (error) {
      result.issues.push({ ...where, index, reason: { code: 'yaml-syntax', message: `YAML: ${error.message.split('\n')[0]}` } });
      return;
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: 100 });
    } catch (toJsError) {
      result.issues.push({ ...where, index, reason: { code: 'yaml-syntax', message: `YAML: ${(toJsError as Error).message}` } });
      return;
    }
    // A trailing `---` leaves an empty document: nothing to load, nothing to report.
    if (value === null || value === undefined) return;
    try {
      const validated = validateDocument(value, origin);
      if (validated.ok) result.documents.push(validated.value);
      else result.issues.push({ ...where, index, ...identity(value), reason: validated.reason });
    } catch (bug) {
      result.issues.push({ ...where, index, ...identity(value), reason: { code: 'internal-error', message: `loader error: ${(bug as Error).message}` } });
    }
  });
  return result;
}
