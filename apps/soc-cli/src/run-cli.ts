import { SocError } from '@soc/shared';
import { CliCommand, CliIo, CliUsageError } from './cli-io';
import { auditVerifyCommand } from './commands/audit-verify.command';
import { corpusCheckCommand } from './commands/corpus-check.command';
import { dlqReplayCommand } from './commands/dlq-replay.command';
import { migrateCommand } from './commands/migrate.command';
import { parseCommand } from './commands/parse.command';
import { replayCommand } from './commands/replay';
import { rulesTestCommand } from './commands/rules-test';
import { seedDemoCommand } from './commands/seed-demo.command';
import { sigmaCheckCommand } from './commands/sigma-check';

const COMMANDS: readonly CliCommand[] = [parseCommand, corpusCheckCommand, dlqReplayCommand, migrateCommand, sigmaCheckCommand, replayCommand, rulesTestCommand, auditVerifyCommand, seedDemoCommand];

function help(): string {
  const lines = COMMANDS.flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]);
  return ['Usage: npm run -s cli -- <command> [options]', '', 'Commands:', ...lines, '  help', '      This text', ''].join('\n');
}

/** Runs one command; returns the exit code. Errors become a one-line message on stderr, never a stack trace. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(help());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`soc-cli: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof CliUsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`soc-cli ${name}: ${(error as Error).message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    const message = error instanceof SocError ? `${error.code}: ${error.message}` : (error as Error).message;
    io.stderr.write(`soc-cli ${name}: ${message}\n`);
    return 1;
  }
}
