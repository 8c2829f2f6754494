import { isIP } from 'node:net';

/** What an sshd message says, in ECS terms. */
export interface SshdFacts {
  action: 'ssh_login' | 'ssh_invalid_user' | 'ssh_disconnect';
  outcome: 'success' | 'failure' | 'unknown';
  userName?: string;
  sourceIp?: string;
  sourcePort?: number;
  /** "message repeated N times: [ ... ]" stands for N attempts. */
  count: number;
}

const REPEATED = /^message repeated (\d{1,6}) times: \[ ?(.*?) ?\]\s*$/s;
const FROM = /from (\S+?)(?: port (\d{1,5}))?(?:\s|$)/;
// The user name is everything between "for" and "from": OpenSSH prints names with spaces verbatim.
const LOGIN = /^(Failed|Accepted) (password|publickey|keyboard-interactive\/pam|keyboard-interactive|hostbased|none) for (invalid user )?(.*?) from /s;
const INVALID_USER = /^Invalid user (.*?) from /s;
const DISCONNECT = /^(Connection closed by|Disconnected from|Received disconnect from)/;

export function parseSshdMessage(message: string): SshdFacts | undefined {
  let count = 1;
  let text = message;
  const repeated = REPEATED.exec(text);
  if (repeated) {
    count = Number(repeated[1]);
    text = repeated[2]!;
  }

  const endpoint = readEndpoint(text);
  const login = LOGIN.exec(text);
  if (login) {
    return {
      action: 'ssh_login',
      outcome: login[1] === 'Accepted' ? 'success' : 'failure',
      userName: login[4] || undefined,
      ...endpoint,
      count,
    };
  }
  const invalid = INVALID_USER.exec(text);
  if (invalid) return { action: 'ssh_invalid_user', outcome: 'failure', userName: invalid[1] || undefined, ...endpoint, count };
  if (DISCONNECT.test(text)) return { action: 'ssh_disconnect', outcome: 'unknown', ...endpoint, count };
  return undefined;
}

function readEndpoint(text: string): { sourceIp?: string; sourcePort?: number } {
  const from = FROM.exec(text);
  if (!from || isIP(from[1]!) === 0) return {};
  const port = from[2] === undefined ? 0 : Number(from[2]);
  return { sourceIp: from[1], sourcePort: port > 0 && port < 65536 ? port : undefined };
}
