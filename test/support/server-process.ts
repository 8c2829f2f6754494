import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_ENV } from './test-env';

export const PROJECT_ROOT = join(__dirname, '..', '..');

/**
 * Builds dist/ for the test files that run the real server as a child process: once per jest run. The
 * first file to ask builds, under a lock; the others wait for its result. A second build while another
 * file's server starts or restarts would rewrite the modules it is loading.
 */
export function buildServer(): void {
  const run = process.env[TEST_ENV.runId] ?? `${process.pid}`;
  const lock = join(tmpdir(), `soc-test-build-${run}`);
  const result = join(lock, 'result');
  let mine = true;
  try {
    mkdirSync(lock);
  } catch {
    mine = false;
  }
  if (mine) {
    const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    writeFileSync(`${result}.tmp`, build.status === 0 ? 'ok' : `build failed: ${build.stderr}`);
    renameSync(`${result}.tmp`, result); // whole, for the files waiting on it
  }
  const deadline = Date.now() + 300_000;
  while (!existsSync(result)) {
    if (Date.now() > deadline) throw new Error('waited 5 minutes for another test file to build dist/');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200); // a synchronous sleep
  }
  const outcome = readFileSync(result, 'utf8');
  if (outcome !== 'ok') throw new Error(outcome);
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
