import { parseRaw, SecurityEvent } from '@soc/parsers';

const event = (message: string, tag: string): SecurityEvent => {
  const payload = `Nov 30 16:40:01 host ${tag}: ${message}`;
  const outcome = parseRaw({ sourceId: 's', receivedAt: new Date('2026-11-30T09:00:00Z'), transport: 'syslog', payload }, { timeZone: 'UTC' });
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.event;
};

describe('linux-auth messages', () => {
  it.each<[string, string, Record<string, unknown>]>([
    ['sshd[1]', 'pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.9  user=root',
      { event: { action: 'pam_authentication_failure', outcome: 'failure', category: ['authentication'] }, user: { name: 'root' }, source: { ip: '203.0.113.9', address: '203.0.113.9' } }],
    ['sshd[1]', 'PAM 2 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.9  user=root',
      { event: { action: 'pam_authentication_failure', count: 2 }, user: { name: 'root' } }],
    ['sshd(pam_unix)[1]', 'authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=host.example  user=guest',
      { event: { action: 'pam_authentication_failure' }, user: { name: 'guest' }, source: { domain: 'host.example' }, process: { name: 'sshd', pid: 1 } }],
    ['sudo', 'pam_unix(sudo:auth): authentication failure; logname=bob uid=1117 euid=0 tty=/dev/pts/1 ruser=alice rhost= user=root',
      { event: { action: 'pam_authentication_failure' }, user: { name: 'alice', effective: { name: 'root' } } }],
    ['sshd[1]', 'pam_unix(sshd:session): session opened for user ubuntu by (uid=0)',
      { event: { action: 'session_opened', category: ['session'], type: ['start'] }, user: { name: 'ubuntu' } }],
    ['sudo', 'pam_unix(sudo:session): session opened for user root by ubuntu(uid=1000)',
      { event: { action: 'session_opened' }, user: { name: 'ubuntu', effective: { name: 'root' } } }],
    ['su(pam_unix)[1]', 'session closed for user news', { event: { action: 'session_closed', type: ['end'] }, user: { name: 'news' } }],
    ['passwd[1]', 'pam_unix(passwd:chauthtok): password changed for alice', { event: { action: 'password_changed', category: ['iam'] }, user: { name: 'alice' } }],
    ['sudo', '  mike : 3 incorrect password attempts ; TTY=pts/0 ; PWD=/root ; USER=root ; COMMAND=/bin/ls',
      { event: { category: ['process'], outcome: 'failure' }, user: { name: 'mike', effective: { name: 'root' } }, vendor: { 'linux-auth': { sudo: { error: '3 incorrect password attempts', tty: 'pts/0', pwd: '/root', user: 'root', command: '/bin/ls' } } } }],
    ['su[1]', 'Successful su for root by alice', { event: { action: 'su', outcome: 'success' }, user: { name: 'alice', effective: { name: 'root' } } }],
    ['su[1]', 'FAILED su for root by alice', { event: { action: 'su', outcome: 'failure' }, user: { name: 'alice', effective: { name: 'root' } } }],
    ['su[1]', '(to root) alice on pts/0', { event: { action: 'su', outcome: 'success' }, user: { name: 'alice', effective: { name: 'root' } } }],
    ['su[1]', '+ /dev/pts/1 alice:root', { event: { action: 'su', outcome: 'success' }, user: { name: 'alice', effective: { name: 'root' } } }],
    ['useradd[1]', "failed adding user 'bob', data deleted", { event: { category: ['iam'], type: ['user', 'creation'], outcome: 'failure' }, user: { name: 'bob' } }],
    ['usermod[1]', "add 'bob' to group 'sudo'", { event: { category: ['iam'], type: ['user', 'group', 'change'] }, user: { name: 'bob' }, group: { name: 'sudo' } }],
    ['userdel[1]', "delete user 'bob'", { event: { type: ['user', 'deletion'] }, user: { name: 'bob' } }],
    ['systemd-logind[1]', 'New session 42 of user alice.', { event: { action: 'logind_session_new', category: ['session'] }, user: { name: 'alice' }, vendor: { 'linux-auth': { logind: { session_id: '42' } } } }],
    ['systemd-logind[1]', 'Removed session 42.', { event: { action: 'logind_session_removed', type: ['end'] } }],
    ['sshd[1]', 'Did not receive identification string from 203.0.113.9 port 4242', { source: { ip: '203.0.113.9', port: 4242 }, vendor: { 'linux-auth': { ssh: { dropped_ip: '203.0.113.9' } } } }],
    // A user name that is, or starts with, "from": the source is the host after it, not the word.
    ['sshd[1]', 'Failed password for invalid user from from 203.0.113.9 port 4242 ssh2',
      { event: { action: 'ssh_login', outcome: 'failure' }, user: { name: 'from' }, source: { ip: '203.0.113.9', port: 4242 } }],
    ['sshd[1]', 'Failed password for from x from 203.0.113.9 port 4242 ssh2', { user: { name: 'from x' }, source: { ip: '203.0.113.9', port: 4242 } }],
    ['sshd[1]', 'Received disconnect from 203.0.113.9 port 4242:11: Bye Bye [preauth]', { event: { action: 'ssh_disconnect' }, source: { ip: '203.0.113.9', port: 4242 } }],
    ['sshd[1]', 'reverse mapping checking getaddrinfo for bad.example [203.0.113.9] failed - POSSIBLE BREAK-IN ATTEMPT!',
      { event: { action: 'ssh_reverse_mapping_mismatch' }, source: { ip: '203.0.113.9', domain: 'bad.example' } }],
    ['sshd[1]', 'Accepted publickey for ubuntu from 85.245.107.41 port 50690 ssh2: RSA SHA256:aC2UQe4piBfaFwr2ne0PItnl9AcHqZOYrWjDmqpOzvE',
      { event: { action: 'ssh_login', outcome: 'success', category: ['authentication', 'session'] }, vendor: { 'linux-auth': { ssh: { event: 'Accepted', method: 'publickey', signature: 'RSA SHA256:aC2UQe4piBfaFwr2ne0PItnl9AcHqZOYrWjDmqpOzvE' } } } }],
    ['sshd[1]', 'error: maximum authentication attempts exceeded for root from 203.0.113.9 port 22 ssh2 [preauth]',
      { event: { action: 'ssh_max_auth_attempts', outcome: 'failure' }, user: { name: 'root' } }],
    ['login[1]', "FAILED LOGIN (1) on '/dev/tty1' FOR 'root', Authentication failure", { event: { action: 'login', outcome: 'failure' }, user: { name: 'root' } }],
    ['login[1]', "FAILED LOGIN 1 FROM '198.51.100.4' FOR 'admin', User not known to the underlying authentication module", { event: { action: 'login', outcome: 'failure' }, user: { name: 'admin' }, source: { ip: '198.51.100.4' } }],
    ['login[1]', 'ROOT LOGIN ON tty1', { event: { action: 'login', outcome: 'success' }, user: { name: 'root' } }],
  ])('%s: %s', (tag, message, expected) => {
    expect(event(message, tag)).toMatchObject(expected);
  });

  it('gives no event.action to messages it does not understand, and leaves other programs alone', () => {
    const unknown = event('Server listening on 0.0.0.0 port 22.', 'sshd[1]').event;
    expect(unknown.dataset).toBe('system.auth');
    expect(unknown.action).toBeUndefined();
    expect(event('pam_unix(cron:session): session opened for user root by (uid=0)', 'CRON[1]').event.dataset).toBe('syslog');
  });
});
