import Module from 'node:module';
import { join } from 'node:path';

/**
 * Jest's globalSetup runs outside the test sandbox, where `moduleNameMapper` does not apply, so
 * `@soc/<lib>` is mapped here the same way (tsconfig paths: libs/<lib>/src).
 */
const moduleWithResolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const original = moduleWithResolver._resolveFilename;
const root = join(__dirname, '..', '..');
moduleWithResolver._resolveFilename = function (request: string, ...rest: unknown[]) {
  const alias = /^@soc\/([a-z-]+)$/.exec(request);
  return original.call(this, alias ? join(root, 'libs', alias[1]!, 'src') : request, ...rest);
};
