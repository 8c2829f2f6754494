import { join } from 'node:path';

/** A file of the shared public corpus, which sits next to the project root (`../shared/corpus`); never edited. */
export function corpusPath(...parts: string[]): string {
  return join(__dirname, '..', '..', '..', 'shared', 'corpus', ...parts);
}
