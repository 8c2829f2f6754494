import { PassThrough, Readable } from 'node:stream';
import type { CliCommand } from '../src/cli-io';

export type CliIo = Parameters<CliCommand['run']>[1];

/** Runs a CLI entry point with in-memory streams and returns its exit code and what it printed. */
export async function captureCli(run: (io: CliIo) => Promise<number>, stdinText = '', env: Record<string, string> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()));
  const code = await run({ stdin: Readable.from([stdinText]), stdout, stderr, env });
  return { code, stdout: out.join(''), stderr: err.join('') };
}
