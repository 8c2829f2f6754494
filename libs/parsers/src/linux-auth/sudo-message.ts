import { EventFields } from '../format-parser';
import { actingUser, withVendor } from './auth-fields';

// `alice : [error ; ]TTY=pts/0 ; PWD=/home ; USER=root ; COMMAND=/bin/ls` (COMMAND is last and may itself hold " ; ").
const COMMAND_LOG = /^\s*(\S+) : (.*?)(?: ; )?COMMAND=(.*)$/s;
const PART = /^(\w+)=(.*)$/s;

/** sudo's own log line for a command it ran or refused. */
export function parseSudoMessage(message: string): EventFields | undefined {
  const log = COMMAND_LOG.exec(message);
  if (!log) return undefined;
  const settings: Record<string, string> = {};
  const errors: string[] = [];
  for (const part of log[2]!.split(' ; ').filter((p) => p.length > 0)) {
    const setting = PART.exec(part);
    if (setting) settings[setting[1]!.toLowerCase()] = setting[2]!;
    else errors.push(part);
  }
  const fields: EventFields = {
    // A refusal ("user NOT in sudoers", "3 incorrect password attempts") is the same line with an error before TTY.
    event: { category: ['process'], ...(errors.length > 0 ? { outcome: 'failure' as const } : {}) },
    user: actingUser(log[1], settings.user ?? 'root'),
  };
  return withVendor(fields, 'sudo', Object.assign({}, settings, { command: log[3], error: errors.join(' ; ') }));
}
