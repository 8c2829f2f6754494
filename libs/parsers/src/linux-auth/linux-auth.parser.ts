import { EventFields, FormatParser, formatOk, FormatResult } from '../format-parser';
import { parseSshdMessage } from './sshd-message';

/** Linux authentication messages (sshd today); they arrive as syslog messages of the program that wrote them. */
export const linuxAuthParser: FormatParser = {
  format: 'linux-auth',
  matches: (_text: string, app?: string) => app === 'sshd',
  parse(text: string): FormatResult {
    const fields: EventFields = { event: { dataset: 'system.auth', module: 'system' } };
    const facts = parseSshdMessage(text);
    if (!facts) return formatOk(fields);
    fields.event = {
      ...fields.event,
      category: ['authentication'],
      type: facts.action === 'ssh_disconnect' ? ['end'] : ['start'],
      action: facts.action,
      outcome: facts.outcome,
      ...(facts.count > 1 ? { count: facts.count } : {}),
    };
    if (facts.userName !== undefined) fields.user = { name: facts.userName };
    if (facts.sourceIp !== undefined) fields.source = { ip: facts.sourceIp, ...(facts.sourcePort === undefined ? {} : { port: facts.sourcePort }) };
    return formatOk(fields);
  },
};
