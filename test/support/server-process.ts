import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const PROJECT_ROOT = join(__dirname, '..', '..');

/** Builds dist/ once per test file that runs the real server as a child process. */
export function buildServer(): void {
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
}

/** The built server (`dist/apps/soc-server/src/main.js`) with exactly `env` on top of PATH/HOME. */
export function spawnServer(env: Record<string, string>, onOutput?: (text: string) => void): ChildProcess {
  const child = spawn(process.execPath, ['--max-semi-space-size=64', '--no-allocation-site-pretenuring', 'dist/apps/soc-server/src/main.js'], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => onOutput?.(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => onOutput?.(chunk.toString()));
  return child;
}

export function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
