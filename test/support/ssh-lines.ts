/** Where the next call without an explicit start continues: each burst later than the one before, as a live log is. */
let nextSecond = 0;
const CURSOR_START = 16 * 3600 + 45 * 60; // 16:45:00 local time, clear of the explicit 16:40:xx bursts

const clock = (secondOfDay: number) =>
  [Math.floor(secondOfDay / 3600), Math.floor(secondOfDay / 60) % 60, secondOfDay % 60].map((n) => String(n).padStart(2, '0')).join(':');

/**
 * `count` failed-password sshd lines from `ip`, one second apart, in BSD syslog form (30 Nov, local time).
 * With `startSecond`, they start at 16:40:<startSecond>; without, right after the previous such call's
 * lines, so that bursts sent one after another are in event-time order (correlations treat anything
 * older than what a stream has already judged as late).
 */
export function failedSshLines(ip: string, count: number, startSecond?: number, host = 'web01'): string[] {
  const start = startSecond === undefined ? CURSOR_START + nextSecond : 16 * 3600 + 40 * 60 + startSecond;
  if (startSecond === undefined) nextSecond += count;
  return Array.from({ length: count }, (_, i) => `Nov 30 ${clock(start + i)} ${host} sshd[${1000 + i}]: Failed password for invalid user admin from ${ip} port ${50000 + i} ssh2`);
}
