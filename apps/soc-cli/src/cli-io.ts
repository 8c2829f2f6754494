import { Readable, Writable } from 'node:stream';

/** The streams and environment a command may use, injected so commands run in tests without a process. */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

export class CliUsageError extends Error {}
