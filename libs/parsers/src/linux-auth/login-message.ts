import { EventFields } from '../format-parser';
import { remoteEndpoint } from './auth-fields';

// util-linux: "FAILED LOGIN (1) on '/dev/tty1' [from 'h' ]FOR 'root', …"; shadow: "FAILED LOGIN 1 FROM h FOR root, …".
const FAILED = /^FAILED LOGIN \(?\d*\)?(?: (?:on|ON) '?([^' ]+)'?)?(?: (?:from|FROM) '?([^' ]*)'?)? (?:FOR|for) '?([^',]+)'?/;
const ROOT = /^ROOT LOGIN +(?:on|ON) '?([^' ]+)'?(?: FROM '?([^' ]+)'?)?/;
const USER = /^LOGIN ON (\S+) BY (\S+)(?: FROM (\S+))?/;

/** util-linux / shadow `login` on a console or over telnet/rlogin. */
export function parseLoginMessage(message: string): EventFields | undefined {
  const failed = FAILED.exec(message);
  if (failed) return login('failure', failed[3], failed[2]);
  const root = ROOT.exec(message);
  if (root) return login('success', 'root', root[2]);
  const user = USER.exec(message);
  return user ? login('success', user[2], user[3]) : undefined;
}

function login(outcome: 'success' | 'failure', userName: string | undefined, from: string | undefined): EventFields {
  const fields: EventFields = { event: { category: ['authentication'], type: ['start'], action: 'login', outcome } };
  if (userName) fields.user = { name: userName };
  const source = remoteEndpoint(from);
  if (source) fields.source = source;
  return fields;
}
