import 'reflect-metadata';
import { runCli } from './run-cli';

// `soc-cli parse | head` closes our stdout early: that is a normal end, not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`soc-cli: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
