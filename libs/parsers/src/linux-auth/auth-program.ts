/** Which program wrote an auth message: the syslog tag, with old PAM's `prog(pam_unix)` form split apart. */
export interface AuthProgram {
  name: string;
  /** The tag was `prog(pam_unix)`: the message is a PAM module's body. */
  pam: boolean;
}

const ACCOUNT_TOOLS = new Set(['useradd', 'groupadd', 'usermod', 'userdel', 'groupdel', 'groupmod', 'passwd', 'chpasswd', 'chage']);
export const AUTH_PROGRAMS = new Set(['sshd', 'sudo', 'su', 'login', 'systemd-logind', ...ACCOUNT_TOOLS]);
const PAM_TAG = /^([\w.-]{1,32})\(pam_unix\)$/;

export function authProgram(app: string | undefined): AuthProgram | undefined {
  if (app === undefined) return undefined;
  if (AUTH_PROGRAMS.has(app)) return { name: app, pam: false };
  const pam = PAM_TAG.exec(app);
  return pam ? { name: pam[1]!, pam: true } : undefined;
}

export const isAccountTool = (name: string): boolean => ACCOUNT_TOOLS.has(name);
