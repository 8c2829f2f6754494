/** `count` failed-password sshd lines from `ip`, one second apart, in BSD syslog form. */
export function failedSshLines(ip: string, count: number, startSecond = 0, host = 'web01'): string[] {
  return Array.from({ length: count }, (_, i) => {
    const second = String((startSecond + i) % 60).padStart(2, '0');
    return `Nov 30 16:40:${second} ${host} sshd[${1000 + i}]: Failed password for invalid user admin from ${ip} port ${50000 + i} ssh2`;
  });
}
