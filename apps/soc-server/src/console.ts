import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';

const CONSOLE_DIR = join('apps', 'soc-server', 'console');

/**
 * The analyst console: plain ES modules and CSS, served as they are from the source tree (no bundler, so
 * nothing to build), found by walking up from this file — the same from src/ under ts and from dist/.
 */
export function consoleDirectory(from: string = __dirname): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, CONSOLE_DIR);
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

export function serveConsole(app: NestExpressApplication): void {
  const directory = consoleDirectory();
  if (!directory) return;
  app.useStaticAssets(directory, { index: 'index.html', maxAge: 0, fallthrough: true });
}
