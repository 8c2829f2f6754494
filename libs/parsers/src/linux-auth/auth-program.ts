/** Which program wrote an auth message: the syslog tag, with old PAM's `prog(pam_unix)` form split apart. */
export interface AuthProgram {
  readonly name: string;
  /** The tag was `prog(pam_unix)`: the message is a PAM module's body. */
  readonly pam: boolean;
}

const ACCOUNT_TOOLS = new Set(['useradd', 'groupadd', 'usermod', 'userdel', 'groupdel', 'groupmod', 'passwd', 'chpasswd', 'chage']);
export const AUTH_PROGRAMS = new Set(['sshd', 'sudo', 'su', 'login', 'systemd-logind', ...ACCOUNT_TOOLS]);
const PAM_TAG = /^([\w.-]{1,32})\(pam_unix\)$/;
/** One shared answer per plain program name: asked twice for every auth line (matches, then parse), read only. */
const PLAIN_PROGRAMS = new Map<string, AuthProgram>([...AUTH_PROGRAMS].map((name) => [name, { name, pam: false }]));

export function authProgram(app: string | undefined): AuthProgram | undefined {
  if (app === undefined) return undefined;
  const plain = PLAIN_PROGRAMS.get(app);
  if (plain) return plain;
  const pam = PAM_TAG.exec(app);
  return pam ? { name: pam[1]!, pam: true } : undefined;
}

export const isAccountTool = (name: string): boolean => ACCOUNT_TOOLS.has(name);
