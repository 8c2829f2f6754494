import { inspect } from 'node:util';
import { Cleanup } from './cleanup';

/**
 * Runs a benchmark that starts services: whatever it registered is cleaned up on success, failure or
 * Ctrl-C; a failure or a cleanup problem sets a non-zero exit code; a handle left open cannot hang it.
 */
export function runBench(name: string, main: (cleanup: Cleanup) => Promise<void>): void {
  void (async () => {
    const cleanup = new Cleanup();
    let failure: unknown;
    const onSignal = (signal: NodeJS.Signals) => {
      process.stderr.write(`\n${name} bench: ${signal}, cleaning up ...\n`);
      void cleanup.runAll().finally(() => process.exit(130));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      await main(cleanup);
    } catch (error) {
      failure = error;
    }
    const problems = await cleanup.runAll();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    for (const problem of problems) process.stderr.write(`${name} bench: cleanup: ${problem}\n`);
    if (failure !== undefined) {
      const text = failure instanceof Error ? (failure.stack ?? failure.message) : inspect(failure);
      process.stderr.write(`${name} bench FAILED: ${text}\n`);
      process.exitCode = 1;
    } else if (problems.length > 0) {
      process.exitCode = 1;
    }
    // Everything is closed by now; if some handle still holds the loop, say so rather than hang.
    setTimeout(() => {
      process.stderr.write(`${name} bench: something kept the process alive 10 s after cleanup; exiting\n`);
      process.exit(process.exitCode ?? 1);
    }, 10_000).unref();
  })();
}
