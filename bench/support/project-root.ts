import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root (holds package.json and deploy/), whether we run from bench/ or dist/bench/. */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'deploy'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no project root (package.json + deploy/) above ${from}`);
    dir = parent;
  }
}
