import { EventFields, FormatParser, formatOk, FormatResult, ParseContext } from '../format-parser';
import { withoutUndefined } from '../plain-object';
import { parseAccountMessage } from './account-message';
import { authProgram, AuthProgram, isAccountTool } from './auth-program';
import { parseLogindMessage } from './logind-message';
import { parseLoginMessage } from './login-message';
import { parsePamMessage } from './pam-message';
import { parseSshdMessage } from './sshd-message';
import { parseSuMessage } from './su-message';
import { parseSudoMessage } from './sudo-message';

/**
 * Linux authentication messages (sshd, sudo, su, login, PAM, systemd-logind, shadow-utils account tools);
 * they arrive as syslog messages of the program that wrote them, so the program name picks the reader.
 */
export const linuxAuthParser: FormatParser = {
  format: 'linux-auth',
  matches: (_text: string, app?: string) => authProgram(app) !== undefined,
  parse(text: string, context: ParseContext): FormatResult {
    const program = authProgram(context.app);
    // Files written on Windows or relayed over TCP can keep a trailing CR.
    const facts = program ? readMessage(program, stripSolarisTag(text.trimEnd())) : undefined;
    if (!facts) return formatOk({ event: { dataset: 'system.auth', module: 'system' } });
    // `{ ...facts, event: { dataset, module, ...facts.event } }`, in place: the readers build `facts` and its
    // `event` afresh for each message. The members land after the reader's, but the syslog build that every
    // message parser's fields go through starts an event with kind, dataset and module, so the order is the same.
    const fields: EventFields = facts;
    const event = facts.event ?? {};
    event.dataset = 'system.auth';
    event.module = 'system';
    fields.event = event;
    // The process that logged is the syslog tag's; `prog(pam_unix)` is reported as `prog`.
    if (program?.pam) fields.process = { name: program.name };
    return formatOk(dropEmpty(fields));
  },
};

function readMessage(program: AuthProgram, text: string): EventFields | undefined {
  if (program.pam) return parsePamMessage(text, program.name);
  const pam = parsePamMessage(text);
  if (pam) return pam;
  if (program.name === 'sshd') return parseSshdMessage(text);
  if (program.name === 'sudo') return parseSudoMessage(text);
  if (program.name === 'su') return parseSuMessage(text);
  if (program.name === 'systemd-logind') return parseLogindMessage(text);
  if (program.name === 'login') return parseLoginMessage(text);
  if (isAccountTool(program.name)) return parseAccountMessage(text);
  return undefined;
}

// Solaris prefixes messages with "[ID 800047 auth.notice] ".
const stripSolarisTag = (text: string): string => (text.startsWith('[ID ') ? text.replace(/^\[ID \d+ \w+\.\w+\] /, '') : text);

/** `fields` (built here, so ours to hand on) without undefined members; copied only when it has some. */
function dropEmpty(fields: EventFields): EventFields {
  // for…in, not Object.keys: no array of keys per event (a plain object built here has no inherited members).
  for (const key in fields) if (fields[key as keyof EventFields] === undefined) return withoutUndefined(fields) ?? {};
  return fields;
}
